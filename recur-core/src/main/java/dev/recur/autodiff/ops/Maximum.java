package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = max(a, b)} elementwise, with broadcasting; a tie sends half the gradient to each side. */
public final class Maximum extends Op {

    private Maximum(Variable a, Variable b) {
        super(a, b);
    }

    public static Variable apply(Variable a, Variable b) {
        return new Maximum(a, b).output(a.value().maximum(b.value()));
    }

    @Override
    protected void backward(Tensor dOut) {
        // da = dy * [a > b], db = dy * [b > a] (1/2 each on a tie)
        int[] shape = dOut.shape();
        Tensor a = Pointwise.broadcastTo(input(0).value(), shape);
        Tensor b = Pointwise.broadcastTo(input(1).value(), shape);
        if (needsGrad(0)) {
            accumulate(0, dOut.mul(Pointwise.map(a, b, Pointwise::winnerShare)).sumTo(input(0).value().shape()));
        }
        if (needsGrad(1)) {
            accumulate(1, dOut.mul(Pointwise.map(b, a, Pointwise::winnerShare)).sumTo(input(1).value().shape()));
        }
    }
}
