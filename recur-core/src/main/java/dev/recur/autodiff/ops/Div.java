package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = a / b} elementwise, with broadcasting. */
public final class Div extends Op {

    private Tensor y; // the quotient, broadcast shape

    private Div(Variable a, Variable b) {
        super(a, b);
    }

    public static Variable apply(Variable a, Variable b) {
        Div op = new Div(a, b);
        op.y = a.value().div(b.value());
        return op.output(op.y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // da = dy / b, db = -dy * a / b^2 = -dy * y / b
        Tensor b = input(1).value();
        Tensor dOverB = dOut.div(b);
        if (needsGrad(0)) {
            accumulate(0, dOverB.sumTo(input(0).value().shape()));
        }
        if (needsGrad(1)) {
            accumulate(1, dOverB.mul(y).neg().sumTo(b.shape()));
        }
    }
}
