package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = 1 / (1 + exp(-x))}. */
public final class Sigmoid extends Op {

    private Tensor y;

    private Sigmoid(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        Sigmoid op = new Sigmoid(x);
        op.y = x.value().sigmoid();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * y * (1 - y)
        accumulate(0, dOut.mul(y.mul(y.neg().add(1.0))));
    }
}
