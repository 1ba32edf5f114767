package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = a - b} with broadcasting. */
public final class Sub extends Op {

    private Sub(Variable a, Variable b) {
        super(a, b);
    }

    public static Variable apply(Variable a, Variable b) {
        return new Sub(a, b).output(a.value().sub(b.value()));
    }

    @Override
    protected void backward(Tensor dOut) {
        // da = dy, db = -dy, each summed over the dimensions it was broadcast along
        if (needsGrad(0)) {
            accumulate(0, dOut.sumTo(input(0).value().shape()));
        }
        if (needsGrad(1)) {
            accumulate(1, dOut.sumTo(input(1).value().shape()).neg());
        }
    }
}
