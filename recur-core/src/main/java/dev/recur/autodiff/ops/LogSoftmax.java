package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x - logSumExp(x)} over the last dimension: log-probabilities, computed stably. */
public final class LogSoftmax extends Op {

    private Tensor y; // x's shape

    private LogSoftmax(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        LogSoftmax op = new LogSoftmax(x);
        op.y = x.value().logSoftmax();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy - softmax(x) * sum(dy), with softmax(x) = exp(y) and the sum over the last dimension
        Tensor total = dOut.sum(-1).unsqueeze(-1);
        accumulate(0, dOut.sub(y.exp().mul(total)));
    }
}
