package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x[index]} along one dimension, which disappears (a view): {@code x.select(1, t)} is step t. */
public final class Select extends Op {

    private final int dim;
    private final int index;

    private Select(Variable x, int dim, int index) {
        super(x);
        this.dim = dim;
        this.index = index;
    }

    public static Variable apply(Variable x, int dim, int index) {
        return new Select(x, dim, index).output(x.value().select(dim, index));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx[index] += dy; zero elsewhere
        accumulate(0, dOut, grad -> grad.select(dim, index));
    }
}
