package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Marks padded steps of a {@code [batch, time, features]} sequence (Keras's Masking): a step whose
 * features all equal {@code maskValue} is masked for the layers after, and its output is zeros
 * (as Keras multiplies the input by the mask). The mask is made from the data alone; an incoming
 * mask is replaced, as in Keras.
 */
public final class Masking extends Layer {

    private final double maskValue;

    public Masking(double maskValue) {
        super("masking");
        if (Double.isNaN(maskValue)) {
            throw new IllegalArgumentException("Masking mask_value must be a number, got NaN (NaN equals nothing,"
                    + " so no step would ever be masked)");
        }
        this.maskValue = maskValue;
    }

    /** Masking with Keras's default mask value 0.0. */
    public Masking() {
        this(0.0);
    }

    @Override
    public String type() {
        return "Masking";
    }

    public double maskValue() {
        return maskValue;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException("Masking needs sequences [batch, time, features] but the input shape is "
                    + batchShape(inputShape));
        }
        return inputShape.clone();
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        Tensor v = x.value().contiguous(); // [batch, time, features]
        int steps = v.dim(0) * v.dim(1);
        int features = v.dim(2);
        Tensor mask = Tensor.zeros(v.dtype(), v.dim(0), v.dim(1)); // [batch, time]
        for (int s = 0; s < steps; s++) {
            for (int f = 0; f < features; f++) {
                if (v.getFlat(s * features + f) != maskValue) {
                    mask.setFlat(s, 1.0);
                    break;
                }
            }
        }
        Variable y = x.mul(Variable.constant(mask.unsqueeze(2))); // zeros at masked steps
        return new Masked(y, mask);
    }

    @Override
    public String spec() {
        return specOf(maskValue == 0.0 ? null : "mask_value=" + num(maskValue));
    }
}
