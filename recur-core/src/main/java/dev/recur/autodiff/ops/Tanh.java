package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = tanh(x)}. */
public final class Tanh extends Op {

    private Tensor y;

    private Tanh(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        Tanh op = new Tanh(x);
        op.y = x.value().tanh();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * (1 - y^2)
        accumulate(0, dOut.mul(y.square().neg().add(1.0)));
    }
}
