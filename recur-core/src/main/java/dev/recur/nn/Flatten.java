package dev.recur.nn;

import dev.recur.autodiff.Variable;

/**
 * Flattens each example to one vector: {@code [batch, d1, d2, ...]} to {@code [batch, d1*d2*...]}
 * (Keras's Flatten; a {@code [batch]} input becomes {@code [batch, 1]}). Every dimension must be
 * known when the layer is built. Drops the sequence mask: the steps are no longer steps.
 */
public final class Flatten extends Layer {

    public Flatten() {
        super("flatten");
    }

    @Override
    public String type() {
        return "Flatten";
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        int size = 1;
        for (int d : inputShape) {
            if (d == -1) {
                throw new IllegalArgumentException("Flatten needs every input dimension known, got input shape "
                        + batchShape(inputShape) + ". Possible cause: an unknown sequence length; declare it, e.g. Input(100, 8),"
                        + " or use GlobalAveragePooling1D / GlobalMaxPooling1D instead");
            }
            size *= d;
        }
        return new int[]{size};
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        return Masked.of(x.reshape(x.value().dim(0), outputShape()[0]));
    }

    @Override
    public String spec() {
        return specOf();
    }
}
