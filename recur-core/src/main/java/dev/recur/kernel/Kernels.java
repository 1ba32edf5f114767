package dev.recur.kernel;

/**
 * The numerical kernels every tensor operation runs on: one interface, several backends.
 *
 * <p>All arrays are dense and row-major; every operand is given as (array, offset) plus the
 * leading dimension where it is a matrix. Kernels never allocate arrays their caller could
 * reuse, and their results never depend on the number of threads: work is split by output
 * blocks and every reduction runs in a fixed order.
 *
 * <p>{@link ReferenceKernels} is the plain-Java definition; other backends are tested against it.
 */
public interface Kernels {

    /** A short name for reports, e.g. {@code "java-vector"}. */
    String name();

    // ---- matrix multiply -------------------------------------------------------------------

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} with {@code op(A)} of shape [m, k] and
     * {@code op(B)} of shape [k, n], C of shape [m, n]. A stored transposed ({@link Transpose#T})
     * is [k, m] with leading dimension lda; likewise B. {@code beta = 0} ignores C's old contents
     * (even NaN), {@code beta = 1} accumulates, as gradient buffers do.
     */
    void gemm(Transpose ta, Transpose tb, int m, int n, int k,
              float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** Double-precision twin of {@link #gemm(Transpose, Transpose, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}. */
    void gemm(Transpose ta, Transpose tb, int m, int n, int k,
              double alpha, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
              double beta, double[] c, int cOff, int ldc);

    // ---- elementwise -----------------------------------------------------------------------

    /** {@code y[yOff + i] = f(x[xOff + i])} for i in [0, n); x and y may be the same range. */
    void unary(Unary f, float[] x, int xOff, float[] y, int yOff, int n);

    void unary(Unary f, double[] x, int xOff, double[] y, int yOff, int n);

    /** {@code y[i] = f(a[i], b[i])} for i in [0, n); y may alias a or b exactly. */
    void binary(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n);

    void binary(Binary f, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int n);

    /** Row broadcast: {@code y[r, c] = f(a[r, c], b[c])} over a dense [rows, cols] block (a bias add). */
    void binaryRow(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int rows, int cols);

    void binaryRow(Binary f, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int rows, int cols);

    /** {@code y[i] = alpha * x[i] + y[i]}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    // ---- reductions ------------------------------------------------------------------------

    /** Sum of n elements, accumulated in double in a fixed order. */
    double sum(float[] x, int off, int n);

    double sum(double[] x, int off, int n);

    /** Column sums of a dense [rows, cols] block, accumulated: {@code y[c] += sum_r x[r, c]} (a bias gradient). */
    void sumRows(float[] x, int xOff, int rows, int cols, float[] y, int yOff);

    void sumRows(double[] x, int xOff, int rows, int cols, double[] y, int yOff);

    // ---- softmax family, row-wise over a dense [rows, cols] block -----------------------------

    /** {@code y[r, :] = softmax(x[r, :])}, computed stably (the row maximum is subtracted first). */
    void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols);

    void softmaxRows(double[] x, int xOff, double[] y, int yOff, int rows, int cols);

    /** {@code y[r, :] = x[r, :] - logSumExp(x[r, :])}. */
    void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols);

    void logSoftmaxRows(double[] x, int xOff, double[] y, int yOff, int rows, int cols);

    /** {@code y[r] = log(sum_c exp(x[r, c]))}, stable for large and very negative inputs. */
    void logSumExpRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols);

    void logSumExpRows(double[] x, int xOff, double[] y, int yOff, int rows, int cols);
}
