package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = sqrt(x)}. */
public final class Sqrt extends Op {

    private Tensor y;

    private Sqrt(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        Sqrt op = new Sqrt(x);
        op.y = x.value().sqrt();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy / (2 y)
        accumulate(0, dOut.div(y.mul(2.0)));
    }
}
