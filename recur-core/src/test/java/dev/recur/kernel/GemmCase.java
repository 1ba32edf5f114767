package dev.recur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/**
 * One gemm problem embedded in larger arrays: each operand starts at an offset, has a leading
 * dimension wider than its rows, and everything around it is NaN, so that reading outside an
 * operand poisons the result and writing outside C is seen.
 */
record GemmCase(Transpose ta, Transpose tb, int m, int n, int k, float alpha, float beta,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {

    static GemmCase random(Transpose ta, Transpose tb, int m, int n, int k, float alpha, float beta, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int aRows = ta == Transpose.N ? m : k;
        int aCols = ta == Transpose.N ? k : m;
        int bRows = tb == Transpose.N ? k : n;
        int bCols = tb == Transpose.N ? n : k;
        int lda = aCols + 3;
        int ldb = bCols + 5;
        int ldc = n + 2;
        int aOff = 7;
        int bOff = 2;
        int cOff = 4;
        float[] a = embed(rnd, aRows, aCols, aOff, lda, Float.NaN);
        float[] b = embed(rnd, bRows, bCols, bOff, ldb, Float.NaN);
        float[] c = embed(rnd, m, n, cOff, ldc, Float.NaN);
        return new GemmCase(ta, tb, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** A [rows, cols] matrix of values in [-1, 1) at offset off with leading dimension ld, padded with pad. */
    static float[] embed(SplittableRandom rnd, int rows, int cols, int off, int ld, float pad) {
        float[] x = new float[off + rows * ld + 3];
        java.util.Arrays.fill(x, pad);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[off + i * ld + j] = (float) (rnd.nextDouble() * 2 - 1);
            }
        }
        return x;
    }

    /** Sets every element of C (inside the operand) to value, e.g. NaN to check that beta = 0 ignores it. */
    GemmCase fillC(float value) {
        float[] c2 = c.clone();
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(c2, cOff + i * ldc, cOff + i * ldc + n, value);
        }
        return new GemmCase(ta, tb, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c2, cOff, ldc);
    }

    /** Runs the kernels on a copy of C and returns the copy. */
    float[] run(Kernels kernels) {
        float[] out = c.clone();
        kernels.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
        return out;
    }

    /** Asserts that {@code actual} matches {@code expected} inside C within float32 rounding, and is untouched outside. */
    void assertMatches(float[] expected, float[] actual) {
        float tol = 2e-6f * (k + 4) * (Math.abs(alpha) + Math.abs(beta) + 1);
        for (int i = 0; i < c.length; i++) {
            int idx = i;
            int row = (idx - cOff) / ldc;
            int col = (idx - cOff) - row * ldc;
            boolean inside = idx >= cOff && row < m && col < n;
            if (inside) {
                float e = expected[idx];
                float x = actual[idx];
                assertTrue(Math.abs(e - x) <= tol, () -> this + ": C[" + row + ", " + col + "] = " + x
                        + " but the reference gives " + e);
            } else {
                assertEquals(Float.floatToRawIntBits(c[idx]), Float.floatToRawIntBits(actual[idx]),
                        () -> this + ": wrote outside C at array index " + idx);
            }
        }
    }

    @Override
    public String toString() {
        return "gemm(" + ta + tb + ", m=" + m + ", n=" + n + ", k=" + k + ", alpha=" + alpha + ", beta=" + beta + ")";
    }
}
