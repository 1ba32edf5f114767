package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = c x} for a constant c. */
public final class MulScalar extends Op {

    private final double c;

    private MulScalar(Variable x, double c) {
        super(x);
        this.c = c;
    }

    public static Variable apply(Variable x, double c) {
        return new MulScalar(x, c).output(x.value().mul(c));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = c dy
        accumulate(0, dOut.mul(c));
    }
}
