package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = log(sum(exp(x)))} over the last dimension, removing it; stable for large inputs. */
public final class LogSumExp extends Op {

    private Tensor y; // x's shape without the last dimension

    private LogSumExp(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        LogSumExp op = new LogSumExp(x);
        op.y = x.value().logSumExp();
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * softmax(x) = dy * exp(x - y), dy and y repeated along the last dimension
        Tensor softmax = input(0).value().sub(y.unsqueeze(-1)).exp();
        accumulate(0, softmax.mul(dOut.unsqueeze(-1)));
    }
}
