package dev.recur.nn;

import dev.recur.autodiff.Variable;

/**
 * Maximum over all steps, per channel: {@code [batch, time, channels]} to {@code [batch, channels]}
 * (Keras's GlobalMaxPooling1D). Masked steps are left out (Keras 2 ignores the mask and lets the
 * padding compete); a fully masked sequence gives zeros. The mask ends here.
 */
public final class GlobalMaxPooling1D extends Layer {

    public GlobalMaxPooling1D() {
        super("global_max_pooling1d");
    }

    @Override
    public String type() {
        return "GlobalMaxPooling1D";
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException("GlobalMaxPooling1D needs sequences [batch, time, channels] but the input shape is "
                    + batchShape(inputShape));
        }
        return new int[]{inputShape[1]};
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        int steps = x.value().dim(1);
        Variable y = WindowMax.apply(x, steps, 1, 0, 1, input.mask()); // [batch, 1, channels]
        return Masked.of(y.reshape(x.value().dim(0), x.value().dim(2)));
    }

    @Override
    public String spec() {
        return specOf();
    }
}
