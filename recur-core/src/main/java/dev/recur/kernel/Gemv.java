package dev.recur.kernel;

import static dev.recur.kernel.GemmKernels.L;
import static dev.recur.kernel.GemmKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Matrix-vector products, the shape of a recurrent step at batch 1 (m = 1) and of a single
 * output column (n = 1). Each streams the matrix exactly once, in storage order, with no packing:
 * at batch 1 the product is bound by reading the weights.
 */
final class Gemv {

    /** Outputs per parallel chunk boundary: whole vectors for {@link #rows}, groups of 4 for {@link #dots}. */
    private static final int ROWS_GRAIN = 4 * 16;
    private static final int DOTS_GRAIN = 4;
    /** Below this many multiply-adds one thread does it all (dispatch would cost more). */
    private static final long PARALLEL_MIN = 1 << 15;

    private Gemv() {
    }

    /**
     * {@code y[j] = beta * y[j] + sum_p (alpha * x[p*incX]) * M[p, j]} for j in [0, n), with M
     * stored as k rows of n ({@code mat[mOff + p*ldm + j]}) and y contiguous: {@code x^T M}.
     * Each y[j] accumulates p = 0, 1, ... in order, whatever the split.
     */
    static void rows(int k, int n, float alpha, float[] x, int xOff, int incX, float[] mat, int mOff, int ldm,
                     float beta, float[] y, int yOff) {
        Parallel.RangeBody body = (j0, j1) -> rowsRange(k, alpha, x, xOff, incX, mat, mOff + j0, ldm,
                beta, y, yOff + j0, j1 - j0);
        if ((long) k * n < PARALLEL_MIN) {
            body.run(0, n);
        } else {
            Parallel.forRange(n, Math.max(ROWS_GRAIN, L), body);
        }
    }

    private static void rowsRange(int k, float alpha, float[] x, int xOff, int incX, float[] mat, int mOff, int ldm,
                                  float beta, float[] y, int yOff, int n) {
        scale(beta, y, yOff, n);
        int p = 0;
        for (; p + 8 <= k; p += 8) {
            int xi = xOff + p * incX;
            rows8(alpha * x[xi], alpha * x[xi + incX], alpha * x[xi + 2 * incX], alpha * x[xi + 3 * incX],
                    alpha * x[xi + 4 * incX], alpha * x[xi + 5 * incX], alpha * x[xi + 6 * incX],
                    alpha * x[xi + 7 * incX], mat, mOff + p * ldm, ldm, y, yOff, n);
        }
        for (; p + 4 <= k; p += 4) {
            int xi = xOff + p * incX;
            rows4(alpha * x[xi], alpha * x[xi + incX], alpha * x[xi + 2 * incX], alpha * x[xi + 3 * incX],
                    mat, mOff + p * ldm, ldm, y, yOff, n);
        }
        for (; p < k; p++) {
            rows1(alpha * x[xOff + p * incX], mat, mOff + p * ldm, y, yOff, n);
        }
    }

    /** {@code y += x0*M[0,:] + ... + x7*M[7,:]}, added in that order: eight rows streamed side by side. */
    private static void rows8(float x0, float x1, float x2, float x3, float x4, float x5, float x6, float x7,
                              float[] mat, int m0, int ldm, float[] y, int yOff, int n) {
        FloatVector v0 = FloatVector.broadcast(S, x0), v1 = FloatVector.broadcast(S, x1);
        FloatVector v2 = FloatVector.broadcast(S, x2), v3 = FloatVector.broadcast(S, x3);
        FloatVector v4 = FloatVector.broadcast(S, x4), v5 = FloatVector.broadcast(S, x5);
        FloatVector v6 = FloatVector.broadcast(S, x6), v7 = FloatVector.broadcast(S, x7);
        int m1 = m0 + ldm, m2 = m1 + ldm, m3 = m2 + ldm, m4 = m3 + ldm, m5 = m4 + ldm, m6 = m5 + ldm, m7 = m6 + ldm;
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector acc = FloatVector.fromArray(S, y, yOff + j);
            acc = FloatVector.fromArray(S, mat, m0 + j).fma(v0, acc);
            acc = FloatVector.fromArray(S, mat, m1 + j).fma(v1, acc);
            acc = FloatVector.fromArray(S, mat, m2 + j).fma(v2, acc);
            acc = FloatVector.fromArray(S, mat, m3 + j).fma(v3, acc);
            acc = FloatVector.fromArray(S, mat, m4 + j).fma(v4, acc);
            acc = FloatVector.fromArray(S, mat, m5 + j).fma(v5, acc);
            acc = FloatVector.fromArray(S, mat, m6 + j).fma(v6, acc);
            acc = FloatVector.fromArray(S, mat, m7 + j).fma(v7, acc);
            acc.intoArray(y, yOff + j);
        }
        if (j < n) { // the ragged end, four rows at a time in the same order
            rowsTail(v0, v1, v2, v3, mat, m0, ldm, y, yOff, j, n);
            rowsTail(v4, v5, v6, v7, mat, m4, ldm, y, yOff, j, n);
        }
    }

    private static void rowsTail(FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3, float[] mat, int m0,
                                 int ldm, float[] y, int yOff, int j, int n) {
        VectorMask<Float> m = S.indexInRange(j, n);
        FloatVector acc = FloatVector.fromArray(S, y, yOff + j, m);
        acc = FloatVector.fromArray(S, mat, m0 + j, m).fma(v0, acc);
        acc = FloatVector.fromArray(S, mat, m0 + ldm + j, m).fma(v1, acc);
        acc = FloatVector.fromArray(S, mat, m0 + 2 * ldm + j, m).fma(v2, acc);
        acc = FloatVector.fromArray(S, mat, m0 + 3 * ldm + j, m).fma(v3, acc);
        acc.intoArray(y, yOff + j, m);
    }

    /** {@code y += x0*M[0,:] + x1*M[1,:] + x2*M[2,:] + x3*M[3,:]}, added in that order. */
    private static void rows4(float x0, float x1, float x2, float x3, float[] mat, int m0, int ldm,
                              float[] y, int yOff, int n) {
        FloatVector v0 = FloatVector.broadcast(S, x0);
        FloatVector v1 = FloatVector.broadcast(S, x1);
        FloatVector v2 = FloatVector.broadcast(S, x2);
        FloatVector v3 = FloatVector.broadcast(S, x3);
        int m1 = m0 + ldm;
        int m2 = m1 + ldm;
        int m3 = m2 + ldm;
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector acc = FloatVector.fromArray(S, y, yOff + j);
            acc = FloatVector.fromArray(S, mat, m0 + j).fma(v0, acc);
            acc = FloatVector.fromArray(S, mat, m1 + j).fma(v1, acc);
            acc = FloatVector.fromArray(S, mat, m2 + j).fma(v2, acc);
            acc = FloatVector.fromArray(S, mat, m3 + j).fma(v3, acc);
            acc.intoArray(y, yOff + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector acc = FloatVector.fromArray(S, y, yOff + j, m);
            acc = FloatVector.fromArray(S, mat, m0 + j, m).fma(v0, acc);
            acc = FloatVector.fromArray(S, mat, m1 + j, m).fma(v1, acc);
            acc = FloatVector.fromArray(S, mat, m2 + j, m).fma(v2, acc);
            acc = FloatVector.fromArray(S, mat, m3 + j, m).fma(v3, acc);
            acc.intoArray(y, yOff + j, m);
        }
    }

    private static void rows1(float x0, float[] mat, int m0, float[] y, int yOff, int n) {
        FloatVector v0 = FloatVector.broadcast(S, x0);
        for (int j = 0; j < n; j += L) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector acc = FloatVector.fromArray(S, y, yOff + j, m);
            FloatVector.fromArray(S, mat, m0 + j, m).fma(v0, acc).intoArray(y, yOff + j, m);
        }
    }

    /** {@code y = beta * y}, where beta = 0 clears y without reading it. */
    private static void scale(float beta, float[] y, int yOff, int n) {
        if (beta == 0f) {
            java.util.Arrays.fill(y, yOff, yOff + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) {
                y[yOff + j] *= beta;
            }
        }
    }

    /**
     * {@code y[j*incY] = alpha * dot(M[j, :], x) + beta * y[j*incY]} for j in [0, n), with M stored
     * as n rows of k ({@code mat[mOff + j*ldm + p]}) and x contiguous: {@code M x}.
     */
    static void dots(int n, int k, float alpha, float[] mat, int mOff, int ldm, float[] x, int xOff,
                     float beta, float[] y, int yOff, int incY) {
        Parallel.RangeBody body = (j0, j1) -> {
            for (int j = j0; j < j1; j += 4) {
                int rows = Math.min(4, j1 - j);
                dots4(rows, k, alpha, mat, mOff + j * ldm, ldm, x, xOff, beta, y, yOff + j * incY, incY);
            }
        };
        if ((long) k * n < PARALLEL_MIN) {
            body.run(0, n);
        } else {
            Parallel.forRange(n, DOTS_GRAIN, body);
        }
    }

    /** Up to four dot products side by side; rows past {@code rows} repeat the last row and are not stored. */
    private static void dots4(int rows, int k, float alpha, float[] mat, int m0, int ldm, float[] x, int xOff,
                              float beta, float[] y, int yOff, int incY) {
        int m1 = m0 + (rows > 1 ? ldm : 0);
        int m2 = m0 + (rows > 2 ? 2 * ldm : 0);
        int m3 = m0 + (rows > 3 ? 3 * ldm : 0);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xOff + p);
            a0 = FloatVector.fromArray(S, mat, m0 + p).fma(xv, a0);
            a1 = FloatVector.fromArray(S, mat, m1 + p).fma(xv, a1);
            a2 = FloatVector.fromArray(S, mat, m2 + p).fma(xv, a2);
            a3 = FloatVector.fromArray(S, mat, m3 + p).fma(xv, a3);
        }
        if (p < k) {
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector xv = FloatVector.fromArray(S, x, xOff + p, m);
            a0 = FloatVector.fromArray(S, mat, m0 + p, m).fma(xv, a0);
            a1 = FloatVector.fromArray(S, mat, m1 + p, m).fma(xv, a1);
            a2 = FloatVector.fromArray(S, mat, m2 + p, m).fma(xv, a2);
            a3 = FloatVector.fromArray(S, mat, m3 + p, m).fma(xv, a3);
        }
        put(alpha * sum(a0), beta, y, yOff);
        if (rows > 1) {
            put(alpha * sum(a1), beta, y, yOff + incY);
        }
        if (rows > 2) {
            put(alpha * sum(a2), beta, y, yOff + 2 * incY);
        }
        if (rows > 3) {
            put(alpha * sum(a3), beta, y, yOff + 3 * incY);
        }
    }

    /**
     * The lanes' sum in a fixed pairing (halves, then quarters, ...). {@code reduceLanes(ADD)}
     * leaves the order open, and the interpreter and the JIT do use different ones, so a
     * result could change in the middle of a run.
     */
    static float sum(FloatVector v) {
        for (int half = L / 2; half > 0; half /= 2) {
            v = v.add(v.slice(half));
        }
        return v.lane(0);
    }

    private static void put(float value, float beta, float[] y, int i) {
        y[i] = beta == 0f ? value : value + beta * y[i];
    }
}
