package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = softmax(x)} over the last dimension. */
public final class Softmax extends Op {

    private Tensor y; // x's shape

    private Softmax(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        Softmax op = new Softmax(x);
        op.y = x.value().softmax();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = y * (dy - sum(dy * y)), the sum over the last dimension
        Tensor dot = dOut.mul(y).sum(-1).unsqueeze(-1);
        accumulate(0, y.mul(dOut.sub(dot)));
    }
}
