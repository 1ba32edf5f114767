package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code Y[i] = A[i] B[i]} for batches of matrices A {@code [..., m, k]} and B {@code [..., k, n]}. */
public final class BatchMatMul extends Op {

    private BatchMatMul(Variable a, Variable b) {
        super(a, b);
    }

    public static Variable apply(Variable a, Variable b) {
        return new BatchMatMul(a, b).output(a.value().bmm(b.value()));
    }

    @Override
    protected void backward(Tensor dOut) {
        // per matrix of the batch, as MatMul: dA = dY B^T, dB = A^T dY (transposed views, no copies)
        int r = dOut.rank();
        if (needsGrad(0)) {
            accumulate(0, dOut.bmm(input(1).value().transpose(r - 2, r - 1)));
        }
        if (needsGrad(1)) {
            accumulate(1, input(0).value().transpose(r - 2, r - 1).bmm(dOut));
        }
    }
}
