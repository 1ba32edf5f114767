package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = -x}. */
public final class Neg extends Op {

    private Neg(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        return new Neg(x).output(x.value().neg());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = -dy
        accumulate(0, dOut.neg());
    }
}
