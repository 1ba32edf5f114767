package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Mean over the steps, per channel: {@code [batch, time, channels]} to {@code [batch, channels]}
 * (Keras's GlobalAveragePooling1D). With a mask, as in Keras, the mean is over the unmasked steps
 * only; a fully masked sequence gives zeros (where Keras divides by zero). The mask ends here.
 */
public final class GlobalAveragePooling1D extends Layer {

    public GlobalAveragePooling1D() {
        super("global_average_pooling1d");
    }

    @Override
    public String type() {
        return "GlobalAveragePooling1D";
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException("GlobalAveragePooling1D needs sequences [batch, time, channels] but the input"
                    + " shape is " + batchShape(inputShape));
        }
        return new int[]{inputShape[1]};
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        if (input.mask() == null) {
            return Masked.of(x.mean(1));
        }
        Tensor mask = input.mask().to(x.value().dtype()); // [batch, time]
        Tensor count = mask.sum(1);                       // [batch] unmasked steps
        Tensor inverse = Tensor.zeros(count.dtype(), count.dim(0), 1); // [batch, 1]: 1 / count, or 0 when none
        for (int b = 0; b < count.dim(0); b++) {
            double n = count.getFlat(b);
            inverse.setFlat(b, n > 0 ? 1 / n : 0);
        }
        Variable sum = x.mul(Variable.constant(mask.unsqueeze(2))).sum(1); // [batch, channels]
        return Masked.of(sum.mul(Variable.constant(inverse)));
    }

    @Override
    public String spec() {
        return specOf();
    }
}
