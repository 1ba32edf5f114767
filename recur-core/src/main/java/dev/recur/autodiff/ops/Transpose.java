package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x} with two dimensions swapped (a view: no data moves). */
public final class Transpose extends Op {

    private final int dim0;
    private final int dim1;

    private Transpose(Variable x, int dim0, int dim1) {
        super(x);
        this.dim0 = dim0;
        this.dim1 = dim1;
    }

    public static Variable apply(Variable x, int dim0, int dim1) {
        return new Transpose(x, dim0, dim1).output(x.value().transpose(dim0, dim1));
    }

    /** The transpose of a matrix; other ranks are rejected. */
    public static Variable matrix(Variable x) {
        return new Transpose(x, 0, 1).output(x.value().t());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy with the same two dimensions swapped back
        accumulate(0, dOut.transpose(dim0, dim1));
    }
}
