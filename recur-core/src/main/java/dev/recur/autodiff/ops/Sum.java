package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

/** {@code y = sum(x)} over all elements (a scalar) or along one dimension (removing it). */
public final class Sum extends Op {

    static final int ALL = -1; // reduce over every dimension

    private final int axis; // resolved dimension, or ALL

    private Sum(Variable x, int axis) {
        super(x);
        this.axis = axis;
    }

    public static Variable apply(Variable x) {
        return new Sum(x, ALL).output(x.value().sum());
    }

    public static Variable apply(Variable x, int dim) {
        int axis = Shapes.axis("sum", dim, x.value().rank());
        return new Sum(x, axis).output(x.value().sum(axis));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy, repeated along the summed dimension(s)
        accumulate(0, spread(dOut, input(0).value(), axis, 1.0));
    }

    /** {@code scale * dOut} repeated over x's shape along {@code axis} (or everywhere for ALL). */
    static Tensor spread(Tensor dOut, Tensor x, int axis, double scale) {
        if (axis == ALL) {
            return Tensor.full(x.dtype(), scale * dOut.item(), x.shape());
        }
        Tensor d = scale == 1.0 ? dOut : dOut.mul(scale);
        return Pointwise.broadcastTo(d.unsqueeze(axis), x.shape());
    }
}
