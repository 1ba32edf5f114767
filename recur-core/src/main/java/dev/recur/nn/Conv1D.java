package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

import java.util.Objects;

/**
 * A 1-D convolution over time (Keras's Conv1D, channels last): {@code [batch, time, channels]} to
 * {@code [batch, outTime, filters]} with
 * {@code y[b, o, f] = activation(bias[f] + sum_{j, c} x[b, o*strides + j*dilation - padLeft, c] kernel[j, c, f])}.
 * Weights {@code kernel [kernelSize, channels, filters]} (Glorot uniform) and {@code bias [filters]},
 * so {@code kernelSize * channels * filters + filters} parameters.
 *
 * <p>Computed as one matrix multiply: the patches of every output step are laid out as rows
 * ({@link Im2Col1D}) and multiplied by the kernel seen as {@code [kernelSize*channels, filters]}.
 * {@code padding=causal} pads {@code dilation * (kernelSize - 1)} zeros on the left, so step t sees
 * no input after t (WaveNet). Drops the sequence mask (as Keras's Conv1D does not propagate one).
 */
public final class Conv1D extends Layer {

    private final int filters;
    private final int kernelSize;
    private final int strides;
    private final Padding padding;
    private final int dilationRate;
    private final Activation activation;
    private final boolean useBias;
    private Parameter kernel; // [kernelSize, channels, filters]
    private Parameter bias;   // [filters], or null without bias

    /**
     * The full configuration; see {@link #Conv1D(int, int)} for Keras's defaults.
     *
     * @param filters      output channels
     * @param kernelSize   steps each output sees (before dilation)
     * @param strides      steps between consecutive outputs
     * @param padding      valid, same or causal
     * @param dilationRate steps between the kernel's taps
     */
    public Conv1D(int filters, int kernelSize, int strides, Padding padding, int dilationRate, Activation activation,
                  boolean useBias) {
        super("conv1d");
        if (filters < 1 || kernelSize < 1 || strides < 1 || dilationRate < 1) {
            throw new IllegalArgumentException("Conv1D needs filters, kernel_size, strides and dilation_rate of at least 1, got"
                    + " filters " + filters + ", kernel_size " + kernelSize + ", strides " + strides
                    + ", dilation_rate " + dilationRate);
        }
        this.filters = filters;
        this.kernelSize = kernelSize;
        this.strides = strides;
        this.padding = Objects.requireNonNull(padding, "padding");
        this.dilationRate = dilationRate;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.useBias = useBias;
    }

    /** Conv1D(filters, kernelSize) with Keras's defaults: strides 1, valid padding, no dilation, linear, with bias. */
    public Conv1D(int filters, int kernelSize) {
        this(filters, kernelSize, 1, Padding.VALID, 1, Activation.LINEAR, true);
    }

    @Override
    public String type() {
        return "Conv1D";
    }

    /** Steps one output spans: {@code dilation * (kernelSize - 1) + 1}. */
    private int window() {
        return dilationRate * (kernelSize - 1) + 1;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length != 2 || inputShape[1] < 1) {
            throw new IllegalArgumentException("Conv1D needs sequences [batch, time, channels] with known channels,"
                    + " but the input shape is " + batchShape(inputShape));
        }
        int channels = inputShape[1];
        kernel = addParameter("kernel", ctx, Initializers.glorotUniform(), kernelSize, channels, filters);
        if (useBias) {
            bias = addParameter("bias", ctx, Initializers.zeros(), filters);
        }
        int time = inputShape[0] == -1 ? -1 : outputLength(inputShape[0], batchShape(inputShape));
        return new int[]{time, filters};
    }

    private int outputLength(int steps, String shape) {
        int out = padding.outputLength(steps, window(), strides);
        if (out < 1) {
            throw new IllegalArgumentException("Conv1D input has " + steps + " steps but kernel_size " + kernelSize
                    + " with dilation_rate " + dilationRate + " spans " + window() + " steps (input shape " + shape
                    + "). Possible cause: sequences shorter than the kernel; use padding=same or padding=causal");
        }
        return out;
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        int batch = x.value().dim(0);
        int steps = x.value().dim(1);
        int channels = x.value().dim(2);
        int out = outputLength(steps, x.value().shapeString());
        int padLeft = padding.padLeft(steps, window(), strides);
        Variable cols = Im2Col1D.apply(x, kernelSize, strides, dilationRate, padLeft, out); // [batch, out, k*channels]
        Variable y = cols.reshape(batch * out, kernelSize * channels)
                .matmul(weight(kernel).reshape(kernelSize * channels, filters)); // [batch*out, filters]
        if (bias != null) {
            y = y.add(weight(bias));
        }
        return Masked.of(activation.apply(y.reshape(batch, out, filters)));
    }

    @Override
    public String spec() {
        return specOf(Integer.toString(filters), Integer.toString(kernelSize),
                strides == 1 ? null : "strides=" + strides,
                padding == Padding.VALID ? null : "padding=" + padding.kerasName(),
                dilationRate == 1 ? null : "dilation_rate=" + dilationRate,
                activation == Activation.LINEAR ? null : "activation=" + activation.kerasName(),
                useBias ? null : "use_bias=false");
    }
}
