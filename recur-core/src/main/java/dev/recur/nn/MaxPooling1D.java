package dev.recur.nn;

import dev.recur.autodiff.Variable;

import java.util.Objects;

/**
 * Maximum over windows of {@code poolSize} steps, moving {@code strides} steps (by default
 * {@code poolSize}), per channel (Keras's MaxPooling1D): {@code [batch, time, channels]} to
 * {@code [batch, outTime, channels]}. With {@code padding=same} the windows at the ends are cut
 * short rather than padded. Drops the sequence mask, as in Keras.
 */
public final class MaxPooling1D extends Layer {

    private final int poolSize;
    private final int strides;
    private final Padding padding;

    public MaxPooling1D(int poolSize, int strides, Padding padding) {
        super("max_pooling1d");
        if (poolSize < 1 || strides < 1) {
            throw new IllegalArgumentException("MaxPooling1D needs pool_size and strides of at least 1, got pool_size "
                    + poolSize + " and strides " + strides);
        }
        if (Objects.requireNonNull(padding, "padding") == Padding.CAUSAL) {
            throw new IllegalArgumentException("MaxPooling1D padding must be valid or same, got causal");
        }
        this.poolSize = poolSize;
        this.strides = strides;
        this.padding = padding;
    }

    /** Keras's defaults: strides equal to the pool size, valid padding. */
    public MaxPooling1D(int poolSize) {
        this(poolSize, poolSize, Padding.VALID);
    }

    /** MaxPooling1D(2). */
    public MaxPooling1D() {
        this(2);
    }

    @Override
    public String type() {
        return "MaxPooling1D";
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException("MaxPooling1D needs sequences [batch, time, channels] but the input shape is "
                    + batchShape(inputShape));
        }
        int time = inputShape[0] == -1 ? -1 : outputLength(inputShape[0], batchShape(inputShape));
        return new int[]{time, inputShape[1]};
    }

    private int outputLength(int steps, String shape) {
        int out = padding.outputLength(steps, poolSize, strides);
        if (out < 1) {
            throw new IllegalArgumentException("MaxPooling1D input has " + steps + " steps, fewer than pool_size " + poolSize
                    + " (input shape " + shape + "). Possible cause: sequences shorter than the window; use padding=same");
        }
        return out;
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        int steps = x.value().dim(1);
        int out = outputLength(steps, x.value().shapeString());
        int padLeft = padding.padLeft(steps, poolSize, strides);
        return Masked.of(WindowMax.apply(x, poolSize, strides, padLeft, out, null));
    }

    @Override
    public String spec() {
        return specOf(Integer.toString(poolSize), strides == poolSize ? null : "strides=" + strides,
                padding == Padding.VALID ? null : "padding=" + padding.kerasName());
    }
}
