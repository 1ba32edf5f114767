package dev.recur.loss;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * {@code y = w * l} elementwise over per-element losses, with {@code y = 0} exactly where
 * {@code w = 0}: a masked step's loss never leaks into the sum, even if it is NaN or infinite.
 * The weights are data and receive no gradient.
 */
final class Weighted extends Op {

    private final double[] w; // [size of l], row-major

    private Weighted(Variable losses, double[] w) {
        super(losses);
        this.w = w;
    }

    static Variable apply(Variable losses, double[] w) {
        Tensor l = losses.value();
        Tensor y = Tensor.zeros(l.dtype(), l.shape());
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0.0) {
                y.setFlat(i, w[i] * l.getFlat(i));
            }
        }
        return new Weighted(losses, w).output(y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dl = w * dy, and exactly 0 where w = 0
        Tensor l = input(0).value();
        Tensor dl = Tensor.zeros(l.dtype(), l.shape());
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0.0) {
                dl.setFlat(i, w[i] * dOut.getFlat(i));
            }
        }
        accumulate(0, dl);
    }
}
