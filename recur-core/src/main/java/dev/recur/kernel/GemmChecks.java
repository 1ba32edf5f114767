package dev.recur.kernel;

import java.util.Objects;

/**
 * Argument checks for {@code gemm}: sizes, leading dimensions and array extents, checked before
 * any element of C is written, with messages that say which operand is wrong and how.
 */
final class GemmChecks {

    private GemmChecks() {
    }

    static void check(Transpose ta, Transpose tb, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc) {
        Objects.requireNonNull(ta, "gemm: ta (transpose of A) is null");
        Objects.requireNonNull(tb, "gemm: tb (transpose of B) is null");
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must be non-negative, got m = " + m + ", n = " + n
                    + ", k = " + k);
        }
        boolean aN = ta == Transpose.N;
        boolean bN = tb == Transpose.N;
        operand("A", a, aOff, lda, aN ? m : k, aN ? k : m, ta);
        operand("B", b, bOff, ldb, bN ? k : n, bN ? n : k, tb);
        operand("C", c, cOff, ldc, m, n, Transpose.N);
    }

    /** One matrix as stored: [rows, cols] with leading dimension ld, starting at off. */
    private static void operand(String name, float[] x, int off, int ld, int rows, int cols, Transpose t) {
        Objects.requireNonNull(x, () -> "gemm: array " + name + " is null");
        String stored = name + " (stored [" + rows + ", " + cols + "]" + (t == Transpose.T ? ", read transposed" : "")
                + ")";
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: leading dimension of " + stored + " is " + ld
                    + " but must be at least " + Math.max(1, cols)
                    + "; it is the distance between the starts of two stored rows");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (off < 0 || end > x.length) {
            throw new IllegalArgumentException("gemm: " + stored + " with leading dimension " + ld + " at offset "
                    + off + " spans elements [" + off + ", " + end + ") but its array has " + x.length
                    + "; check the offset, the leading dimension and the transpose flag");
        }
    }
}
