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
        if (m == 0 || n == 0 || k == 0) { // an empty sum: zeros
            return c;
        }
        if (a.dtype() == DType.FLOAT32) {
            Backend.kernels().gemm(oa.trans, ob.trans, m, n, k, 1f, oa.t.floats(), oa.t.offset(), oa.ld,
                    ob.t.floats(), ob.t.offset(), ob.ld, 0f, c.floats(), 0, n);
        } else {
            Backend.kernels().gemm(oa.trans, ob.trans, m, n, k, 1.0, oa.t.doubles(), oa.t.offset(), oa.ld,
                    ob.t.doubles(), ob.t.offset(), ob.ld, 0.0, c.doubles(), 0, n);
        }
        return c;
    }

    /** A matrix as the kernel sees it: dense rows (N) or dense columns (T), with its leading dimension. */
    private record Operand(Tensor t, Transpose trans, int ld) {
        static Operand of(Tensor x) {
            int[] st = x.strides();
            int rows = x.dim(0);
            int cols = x.dim(1);
            if (st[1] == 1 && (st[0] >= cols || rows == 1)) {
                return new Operand(x, Transpose.N, Math.max(st[0], cols));
            }
            if (st[0] == 1 && (st[1] >= rows || cols == 1)) {
                return new Operand(x, Transpose.T, Math.max(st[1], rows));
            }
            Tensor dense = x.copy();
            return new Operand(dense, Transpose.N, cols);
        }
    }
}
