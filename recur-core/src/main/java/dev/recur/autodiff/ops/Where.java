package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

/**
 * {@code y = mask ? a : b} elementwise, with broadcasting of all three. The mask holds 0s and
 * 1s of the values' type (a recurrent layer's {@code [batch, 1]} step mask, say); it is data,
 * not a variable, and receives no gradient. Selection is exact: a NaN in the unchosen side
 * does not leak into the result.
 */
public final class Where extends Op {

    private final Tensor mask; // broadcastable to the output

    private Where(Tensor mask, Variable a, Variable b) {
        super(a, b);
        this.mask = mask;
    }

    public static Variable apply(Tensor mask, Variable a, Variable b) {
        Tensor va = a.value();
        Tensor vb = b.value();
        if (va.dtype() != vb.dtype() || mask.dtype() != va.dtype()) {
            throw new IllegalArgumentException("where: the mask (" + mask.dtype() + "), a (" + va.dtype() + ") and b ("
                    + vb.dtype() + ") must have one element type; convert with to(DType)");
        }
        checkZeroOne(mask);
        int[] shape = Shapes.broadcast("where", mask.shape(), Shapes.broadcast("where", va.shape(), vb.shape()));
        Tensor out = Pointwise.select(Pointwise.broadcastTo(mask, shape),
                Pointwise.broadcastTo(va, shape), Pointwise.broadcastTo(vb, shape));
        return new Where(mask, a, b).output(out);
    }

    @Override
    protected void backward(Tensor dOut) {
        // da = dy * mask, db = dy * (1 - mask), each summed over the dimensions it was broadcast along
        if (needsGrad(0)) {
            accumulate(0, dOut.mul(mask).sumTo(input(0).value().shape()));
        }
        if (needsGrad(1)) {
            accumulate(1, dOut.mul(mask.neg().add(1.0)).sumTo(input(1).value().shape()));
        }
    }

    private static void checkZeroOne(Tensor mask) {
        for (int i = 0, n = mask.size(); i < n; i++) {
            double v = mask.getFlat(i);
            if (v != 0.0 && v != 1.0) {
                throw new IllegalArgumentException("where: mask values must be 0 or 1 but element " + i + " (row-major) of "
                        + "the mask of shape " + mask.shapeString() + " is " + v);
            }
        }
    }
}
