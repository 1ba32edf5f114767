package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = |x|}; the derivative at 0 is taken as 0. */
public final class Abs extends Op {

    private Abs(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        return new Abs(x).output(x.value().abs());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * sign(x)
        accumulate(0, Pointwise.map(dOut, input(0).value(), (g, x) -> g * Math.signum(x)));
    }
}
