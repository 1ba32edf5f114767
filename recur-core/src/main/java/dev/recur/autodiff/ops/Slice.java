package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x[start:end]} along one dimension (a view). */
public final class Slice extends Op {

    private final int dim;
    private final int start;
    private final int end;

    private Slice(Variable x, int dim, int start, int end) {
        super(x);
        this.dim = dim;
        this.start = start;
        this.end = end;
    }

    public static Variable apply(Variable x, int dim, int start, int end) {
        return new Slice(x, dim, start, end).output(x.value().slice(dim, start, end));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx[start:end] += dy; zero elsewhere
        accumulate(0, dOut, grad -> grad.slice(dim, start, end));
    }
}
