package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

/** {@code y = mean(x)} over all elements (a scalar) or along one dimension (removing it). */
public final class Mean extends Op {

    private final int axis; // resolved dimension, or Sum.ALL
    private final int count; // elements averaged into each output

    private Mean(Variable x, int axis, int count) {
        super(x);
        this.axis = axis;
        this.count = count;
    }

    public static Variable apply(Variable x) {
        Tensor v = x.value();
        return new Mean(x, Sum.ALL, v.size()).output(v.sum().mul(1.0 / v.size()));
    }

    public static Variable apply(Variable x, int dim) {
        Tensor v = x.value();
        int axis = Shapes.axis("mean", dim, v.rank());
        int n = v.dim(axis);
        return new Mean(x, axis, n).output(v.sum(axis).mul(1.0 / n));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy / n, repeated along the averaged dimension(s)
        accumulate(0, Sum.spread(dOut, input(0).value(), axis, 1.0 / count));
    }
}
