package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x + c} for a constant c. */
public final class AddScalar extends Op {

    private AddScalar(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x, double c) {
        return new AddScalar(x).output(x.value().add(c));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy
        accumulate(0, dOut);
    }
}
