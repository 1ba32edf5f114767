package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = exp(x)}. */
public final class Exp extends Op {

    private Tensor y;

    private Exp(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        Exp op = new Exp(x);
        op.y = x.value().exp();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * y
        accumulate(0, dOut.mul(y));
    }
}
