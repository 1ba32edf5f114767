package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x} in a new shape (one dimension may be -1, inferred); a view when x is dense. */
public final class Reshape extends Op {

    private Reshape(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x, int... shape) {
        return new Reshape(x).output(x.value().reshape(shape));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy in x's shape
        accumulate(0, dOut.reshape(input(0).value().shape()));
    }
}
