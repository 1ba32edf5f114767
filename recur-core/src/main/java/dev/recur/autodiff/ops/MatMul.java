package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code Y = A B} for matrices A [m, k] and B [k, n]. */
public final class MatMul extends Op {

    private MatMul(Variable a, Variable b) {
        super(a, b);
    }

    public static Variable apply(Variable a, Variable b) {
        return new MatMul(a, b).output(a.value().matmul(b.value()));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dA = dY B^T, dB = A^T dY  (transposed views: the kernel reads them without copies)
        if (needsGrad(0)) {
            accumulate(0, dOut.matmul(input(1).value().t()));
        }
        if (needsGrad(1)) {
            accumulate(1, input(0).value().t().matmul(dOut));
        }
    }
}
