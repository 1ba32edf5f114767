package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * A fully connected layer on the last dimension: {@code y = activation(x W + b)}. On a sequence
 * {@code [batch, time, features]} it acts on every step (as Keras's Dense and TimeDistributed(Dense)).
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
        this.activation = java.util.Objects.requireNonNull(activation, "activation");
        this.useBias = useBias;
        this.kernelInit = java.util.Objects.requireNonNull(kernelInit, "kernelInit");
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

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] < 1) {
            throw new IllegalArgumentException("Dense needs a known last input dimension, got input shape "
                    + batchShape(inputShape));
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
        requireBuilt("forward");
        Variable x = input.value();
        int[] shape = x.value().shape();
        int in = kernel.value().dim(0);
        if (shape[shape.length - 1] != in) {
            throw new IllegalArgumentException("Dense input has " + shape[shape.length - 1]
                    + " features but the layer was built for " + in + " (input shape " + x.value().shapeString() + ")");
        }
        Variable y = x.reshape(-1, in).matmul(kernel);
        if (bias != null) {
            y = y.add(bias);
        }
        int[] outShape = shape.clone();
        outShape[outShape.length - 1] = units;
        return input.with(activation.apply(y.reshape(outShape)));
    }

    @Override
    public String spec() {
        StringBuilder sb = new StringBuilder("Dense(").append(units);
        if (activation != Activation.LINEAR) {
            sb.append(", activation=").append(activation.kerasName());
        }
        if (!useBias) {
            sb.append(", use_bias=false");
        }
        return sb.append(')').toString();
    }
}
