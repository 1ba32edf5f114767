package dev.recur.tensor;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Transpose;

/** Matrix products on tensors, passing transposed views to the kernel without copying them. */
final class MatMul {

    private MatMul() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("matmul: expected two matrices but got shapes " + a.shapeString()
                    + " and " + b.shapeString() + "; reshape to [rows, cols] first");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("matmul: element types differ (" + a.dtype() + " " + a.shapeString()
                    + " and " + b.dtype() + " " + b.shapeString() + ")");
        }
        int m = a.dim(0);
        int k = a.dim(1);
        int n = b.dim(1);
        if (b.dim(0) != k) {
            throw new IllegalArgumentException("matmul: shapes " + a.shapeString() + " and " + b.shapeString()
                    + " do not fit: the first has " + k + " columns, the second " + b.dim(0) + " rows");
        }
        Operand oa = Operand.of(a);
        Operand ob = Operand.of(b);
        Tensor c = Tensor.zeros(a.dtype(), m, n);
        if (m == 0 || n == 0) {
            return c;
        }
        product(oa, ob, m, n, k, c, 0);
        return c;
    }

    /**
     * Batched product: {@code [..., m, k] x [..., k, n] -> [..., m, n]}, one matrix product per
     * index of the leading dimensions, which must be equal. Each matrix may be a transposed view
     * (the last two dimensions swapped); such operands reach the kernel without copies.
     */
    static Tensor bmm(Tensor a, Tensor b) {
        if (a.rank() < 3 || a.rank() != b.rank()) {
            throw new IllegalArgumentException("bmm: expected two batches of matrices of one rank (at least 3) but got"
                    + " shapes " + a.shapeString() + " and " + b.shapeString() + "; use matmul for single matrices");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("bmm: element types differ (" + a.dtype() + " " + a.shapeString()
                    + " and " + b.dtype() + " " + b.shapeString() + ")");
        }
        int r = a.rank();
        int m = a.dim(r - 2);
        int k = a.dim(r - 1);
        int n = b.dim(r - 1);
        if (!java.util.Arrays.equals(java.util.Arrays.copyOf(a.shape(), r - 2), java.util.Arrays.copyOf(b.shape(), r - 2))
                || b.dim(r - 2) != k) {
            throw new IllegalArgumentException("bmm: shapes " + a.shapeString() + " and " + b.shapeString() + " do not"
                    + " fit: the leading (batch) dimensions must be equal and the first's " + k + " columns must match"
                    + " the second's " + b.dim(r - 2) + " rows");
        }
        int[] outShape = a.shape();
        outShape[r - 1] = n;
        Tensor c = Tensor.zeros(a.dtype(), outShape);
        if (c.size() == 0 || k == 0) {
            return c; // nothing to compute, or an empty sum: zeros
        }
        int batch = c.size() / (m * n);
        Tensor a3 = asBatch(a);
        Tensor b3 = asBatch(b);
        Operand oa = Operand.of(a3.select(0, 0));
        Operand ob = Operand.of(b3.select(0, 0));
        for (int i = 0; i < batch; i++) {
            Tensor ai = a3.select(0, i);
            Tensor bi = b3.select(0, i);
            Operand pa = oa.dense() ? oa.at(ai) : Operand.of(ai);
            Operand pb = ob.dense() ? ob.at(bi) : Operand.of(bi);
            product(pa, pb, m, n, k, c, i * m * n);
        }
        return c;
    }

    /** A tensor of rank >= 3 as {@code [batch, rows, cols]}: a view when its leading dimensions nest, else a copy. */
    private static Tensor asBatch(Tensor t) {
        int r = t.rank();
        int[] s = t.shape();
        int[] st = t.strides();
        int batch = 1;
        int batchStride = 0; // the stride of the innermost leading dimension longer than 1
        boolean nested = true;
        for (int i = r - 3; i >= 0; i--) {
            if (s[i] == 1) {
                continue;
            }
            if (batch > 1) {
                nested &= st[i] == batchStride * batch;
            } else {
                batchStride = st[i];
            }
            batch *= s[i];
        }
        Tensor src = nested ? t : t.copy();
        if (!nested) {
            batchStride = s[r - 2] * s[r - 1];
        }
        int[] ss = src.strides();
        return src.view(new int[]{batch, s[r - 2], s[r - 1]}, new int[]{batchStride, ss[r - 2], ss[r - 1]});
    }

    private static void product(Operand oa, Operand ob, int m, int n, int k, Tensor c, int cOff) {
        if (k == 0) {
            return; // an empty sum: zeros
        }
        if (c.dtype() == DType.FLOAT32) {
            Backend.kernels().gemm(oa.trans, ob.trans, m, n, k, 1f, oa.t.floats(), oa.t.offset(), oa.ld,
                    ob.t.floats(), ob.t.offset(), ob.ld, 0f, c.floats(), cOff, n);
        } else {
            Backend.kernels().gemm(oa.trans, ob.trans, m, n, k, 1.0, oa.t.doubles(), oa.t.offset(), oa.ld,
                    ob.t.doubles(), ob.t.offset(), ob.ld, 0.0, c.doubles(), cOff, n);
        }
    }

    /** A matrix as the kernel sees it: dense rows (N) or dense columns (T), with its leading dimension. */
    private record Operand(Tensor t, Transpose trans, int ld, boolean dense) {

        /** The same layout for another matrix of the batch (same strides, other offset). */
        Operand at(Tensor x) {
            return new Operand(x, trans, ld, true);
        }

        static Operand of(Tensor x) {
            int[] st = x.strides();
            int rows = x.dim(0);
            int cols = x.dim(1);
            if (st[1] == 1 && (st[0] >= cols || rows == 1)) {
                return new Operand(x, Transpose.N, Math.max(st[0], cols), true);
            }
            if (st[0] == 1 && (st[1] >= rows || cols == 1)) {
                return new Operand(x, Transpose.T, Math.max(st[1], rows), true);
            }
            Tensor dense = x.copy();
            return new Operand(dense, Transpose.N, cols, false);
        }
    }
}
