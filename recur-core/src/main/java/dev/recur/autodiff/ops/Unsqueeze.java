package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x} with a new dimension of size 1 at {@code dim} (a view). */
public final class Unsqueeze extends Op {

    private Unsqueeze(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x, int dim) {
        return new Unsqueeze(x).output(x.value().unsqueeze(dim));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy without the added dimension
        accumulate(0, dOut.reshape(input(0).value().shape()));
    }
}
