package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = max(x, 0)}; the derivative at 0 is taken as 0. */
public final class Relu extends Op {

    private Relu(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        return new Relu(x).output(x.value().relu());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * [x > 0]
        accumulate(0, Pointwise.map(dOut, input(0).value(), (g, x) -> x > 0 ? g : 0.0));
    }
}
