package dev.recur.kernel;

/**
 * The Vector API backend with float32 matrix products handed to the system OpenBLAS: a product
 * with m = 1 or n = 1 goes to {@code cblas_sgemv} (at batch 1, {@code sgemm} is 3x slower than a
 * matrix-vector product), every other one to {@code cblas_sgemm}. OpenBLAS runs with
 * {@link Parallel#threads()} threads. Select it with {@code Backend.use(new OpenBlasKernels())}
 * after checking {@link OpenBlas#isAvailable()}; results agree with the Java kernels within
 * float32 rounding, not bit for bit.
 */
public final class OpenBlasKernels extends VectorKernels {

    /** Binds the backend; fails when OpenBLAS is not installed. */
    public OpenBlasKernels() {
        if (!OpenBlas.isAvailable()) {
            throw new IllegalStateException(OpenBlas.unavailable("OpenBlasKernels", OpenBlas.problem()));
        }
    }

    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public void gemm(Transpose ta, Transpose tb, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (beta == 0f) {
            clear(m, n, c, cOff, ldc); // BLAS may compute 0 * NaN; Recur's contract ignores old C
        }
        if (k == 0 || alpha == 0f) {
            if (beta != 0f && beta != 1f) {
                super.gemm(ta, tb, m, n, 0, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            }
            return;
        }
        OpenBlas.setThreads(Parallel.threads());
        if (m == 1) {
            // c[0, :] = op(B)^T a: B stored [k, n] (N) is read transposed, [n, k] (T) as stored
            int incA = ta == Transpose.N ? 1 : lda;
            if (tb == Transpose.N) {
                OpenBlas.sgemv(Transpose.T, k, n, alpha, b, bOff, ldb, a, aOff, incA, beta, c, cOff, 1);
            } else {
                OpenBlas.sgemv(Transpose.N, n, k, alpha, b, bOff, ldb, a, aOff, incA, beta, c, cOff, 1);
            }
        } else if (n == 1) {
            // c[:, 0] = op(A) b: A stored [m, k] (N) as stored, [k, m] (T) read transposed
            int incB = tb == Transpose.N ? ldb : 1;
            if (ta == Transpose.N) {
                OpenBlas.sgemv(Transpose.N, m, k, alpha, a, aOff, lda, b, bOff, incB, beta, c, cOff, ldc);
            } else {
                OpenBlas.sgemv(Transpose.T, k, m, alpha, a, aOff, lda, b, bOff, incB, beta, c, cOff, ldc);
            }
        } else {
            OpenBlas.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    private static void clear(int m, int n, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        }
    }
}
