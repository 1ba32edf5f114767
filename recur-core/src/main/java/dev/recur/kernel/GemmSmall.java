package dev.recur.kernel;

import static dev.recur.kernel.GemmKernels.L;
import static dev.recur.kernel.GemmKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Tiny products (8 x 8 x 8, 16 x 16 x 16), where packing and tiling would cost more than the
 * arithmetic: no workspace, no copies of A, one pass over C. Rows of C are built
 * four at a time, one vector of columns at a time, reading B's rows in place (a transposed B is
 * first copied, which is cheap at these sizes). Single-threaded: dispatch would cost more.
 */
final class GemmSmall {

    private GemmSmall() {
    }

    static void gemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (tb == Transpose.T) { // op(B) as k dense rows of n
            float[] bt = new float[k * n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bt[p * n + j] = b[bOff + j * ldb + p];
                }
            }
            b = bt;
            bOff = 0;
            ldb = n;
        }
        int ars = ta == Transpose.N ? lda : 1; // A[i, p] at aOff + i*ars + p*acs
        int acs = ta == Transpose.N ? 1 : lda;
        for (int i = 0; i < m; i += 4) {
            int rows = Math.min(4, m - i);
            for (int j = 0; j < n; j += L) {
                rows4(rows, k, alpha, a, aOff + i * ars, ars, acs, b, bOff + j, ldb, n - j, beta, c, cOff + i * ldc + j,
                        ldc);
            }
        }
    }

    /**
     * Up to four rows of C, one vector of columns (its first {@code cols} lanes):
     * {@code C[r, :] = alpha * sum_p A[r, p] B[p, :] + beta * C[r, :]}. Rows past {@code rows}
     * repeat the last row and are not stored.
     */
    private static void rows4(int rows, int k, float alpha, float[] a, int a0, int ars, int acs, float[] b, int b0,
                              int ldb, int cols, float beta, float[] c, int c0, int ldc) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        int a1 = a0 + (rows > 1 ? ars : 0);
        int a2 = a0 + (rows > 2 ? 2 * ars : 0);
        int a3 = a0 + (rows > 3 ? 3 * ars : 0);
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, b0 + p * ldb, mask);
            int ap = p * acs;
            s0 = FloatVector.broadcast(S, a[a0 + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
        }
        if (beta == 0f) { // C's old contents are not read
            set(s0, alpha, c, c0, mask);
            if (rows > 1) {
                set(s1, alpha, c, c0 + ldc, mask);
            }
            if (rows > 2) {
                set(s2, alpha, c, c0 + 2 * ldc, mask);
            }
            if (rows > 3) {
                set(s3, alpha, c, c0 + 3 * ldc, mask);
            }
        } else {
            add(s0, alpha, beta, c, c0, mask);
            if (rows > 1) {
                add(s1, alpha, beta, c, c0 + ldc, mask);
            }
            if (rows > 2) {
                add(s2, alpha, beta, c, c0 + 2 * ldc, mask);
            }
            if (rows > 3) {
                add(s3, alpha, beta, c, c0 + 3 * ldc, mask);
            }
        }
    }

    // Under the JIT's 35-byte always-inline limit, so that the sums stay in registers.

    private static void set(FloatVector v, float alpha, float[] c, int i, VectorMask<Float> m) {
        v.mul(alpha).intoArray(c, i, m);
    }

    private static void add(FloatVector v, float alpha, float beta, float[] c, int i, VectorMask<Float> m) {
        v.mul(alpha).add(FloatVector.fromArray(S, c, i, m).mul(beta)).intoArray(c, i, m);
    }
}
