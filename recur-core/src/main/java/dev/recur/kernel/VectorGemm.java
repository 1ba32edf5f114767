package dev.recur.kernel;

/** Single-precision matrix multiply on the Vector API. (Placeholder: reference loops until the blocked kernel lands.) */
final class VectorGemm {

    private static final ReferenceKernels REFERENCE = new ReferenceKernels();

    private VectorGemm() {
    }

    static void gemm(Transpose ta, Transpose tb, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        REFERENCE.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
