package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = min(max(x, lo), hi)}; the gradient passes where {@code lo <= x <= hi} (bounds included, as in PyTorch). */
public final class Clamp extends Op {

    private final double lo;
    private final double hi;

    private Clamp(Variable x, double lo, double hi) {
        super(x);
        this.lo = lo;
        this.hi = hi;
    }

    public static Variable apply(Variable x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: the lower bound " + lo + " must not exceed the upper bound " + hi);
        }
        return new Clamp(x, lo, hi).output(Pointwise.map(x.value(), v -> Math.min(Math.max(v, lo), hi)));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * [lo <= x <= hi]
        accumulate(0, Pointwise.map(dOut, input(0).value(), (g, x) -> x >= lo && x <= hi ? g : 0.0));
    }
}
