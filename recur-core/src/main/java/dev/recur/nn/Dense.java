package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

import java.util.Objects;

/**
 * A fully connected layer on the last dimension: {@code y = activation(x W + b)}. On a sequence
 * {@code [batch, time, features]} it acts on every step (as Keras's Dense, and TimeDistributed(Dense))
 * and keeps the mask.
 */
public final class Dense extends Layer {

    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInit;
    private Parameter kernel; // [in, units]
    private Parameter bias;   // [units], or null without bias

    public Dense(int units, Activation activation, boolean useBias, Initializer kernelInit) {
        super("dense");
        if (units < 1) {
            throw new IllegalArgumentException("Dense units must be at least 1, got " + units);
        }
        this.units = units;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.useBias = useBias;
        this.kernelInit = Objects.requireNonNull(kernelInit, "kernelInit");
    }

    /** Dense(units) with Keras defaults: linear, with bias, Glorot uniform kernel. */
    public Dense(int units) {
        this(units, Activation.LINEAR, true, Initializers.glorotUniform());
    }

    public Dense(int units, Activation activation) {
        this(units, activation, true, Initializers.glorotUniform());
    }

    @Override
    public String type() {
        return "Dense";
    }

    public int units() {
        return units;
    }

    /** The activation applied to the output ({@link Activation#LINEAR} for logits). */
    public Activation activation() {
        return activation;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] < 1) {
            throw new IllegalArgumentException("Dense needs a known last input dimension, got input shape "
                    + batchShape(inputShape) + ". Possible cause: a Flatten or Input with an unknown size before it");
        }
        int in = inputShape[inputShape.length - 1];
        kernel = addParameter("kernel", ctx, kernelInit, in, units);
        if (useBias) {
            bias = addParameter("bias", ctx, Initializers.zeros(), units);
        }
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkFeatures(x.value());
        int[] shape = x.value().shape();
        int in = shape[shape.length - 1];
        Variable y = x.reshape(-1, in).matmul(weight(kernel)); // [batch*..., units]
        if (bias != null) {
            y = y.add(weight(bias));
        }
        int[] outShape = shape.clone();
        outShape[outShape.length - 1] = units;
        return input.with(activation.apply(y.reshape(outShape)));
    }

    @Override
    public String spec() {
        return specOf(Integer.toString(units),
                activation != Activation.LINEAR ? "activation=" + activation.kerasName() : null,
                useBias ? null : "use_bias=false");
    }
}
