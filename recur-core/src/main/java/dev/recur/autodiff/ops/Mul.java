package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = a * b} elementwise, with broadcasting. */
public final class Mul extends Op {

    private Mul(Variable a, Variable b) {
        super(a, b);
    }

    public static Variable apply(Variable a, Variable b) {
        return new Mul(a, b).output(a.value().mul(b.value()));
    }

    @Override
    protected void backward(Tensor dOut) {
        // da = dy * b, db = dy * a, each summed over the dimensions it was broadcast along
        Tensor a = input(0).value();
        Tensor b = input(1).value();
        if (needsGrad(0)) {
            accumulate(0, dOut.mul(b).sumTo(a.shape()));
        }
        if (needsGrad(1)) {
            accumulate(1, dOut.mul(a).sumTo(b.shape()));
        }
    }
}
