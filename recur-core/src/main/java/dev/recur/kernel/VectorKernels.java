package dev.recur.kernel;

/**
 * The default backend: Vector API kernels for float32 ({@link VectorGemm} for matrix products,
 * {@link VectorMath} for elementwise maths, reductions and the softmax family), multithreaded
 * with {@link Parallel}. Double precision (gradient checks, not speed) runs the reference loops.
 */
public class VectorKernels extends ReferenceKernels {

    @Override
    public String name() {
        return "java-vector";
    }

    @Override
    public void gemm(Transpose ta, Transpose tb, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        VectorGemm.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void unary(Unary f, float[] x, int xOff, float[] y, int yOff, int n) {
        VectorMath.unary(f, x, xOff, y, yOff, n);
    }

    @Override
    public void binary(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        VectorMath.binary(f, a, aOff, b, bOff, y, yOff, n);
    }

    @Override
    public void binaryRow(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int rows, int cols) {
        VectorMath.binaryRow(f, a, aOff, b, bOff, y, yOff, rows, cols);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        VectorMath.axpy(n, alpha, x, xOff, y, yOff);
    }

    @Override
    public double sum(float[] x, int off, int n) {
        return VectorMath.sum(x, off, n);
    }

    @Override
    public void sumRows(float[] x, int xOff, int rows, int cols, float[] y, int yOff) {
        VectorMath.sumRows(x, xOff, rows, cols, y, yOff);
    }

    @Override
    public void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        VectorMath.softmaxRows(x, xOff, y, yOff, rows, cols);
    }

    @Override
    public void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        VectorMath.logSoftmaxRows(x, xOff, y, yOff, rows, cols);
    }

    @Override
    public void logSumExpRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        VectorMath.logSumExpRows(x, xOff, y, yOff, rows, cols);
    }
}
