package dev.recur.kernel;

import java.util.Arrays;

/**
 * The plain-Java definition of every kernel: straightforward loops, single-threaded, written to
 * be read. Every other backend is tested against this one. Float kernels accumulate dot products
 * in float like the fast ones do; sums accumulate in double.
 *
 * <p>The softmax family defines rows of all {@code -inf} (fully masked rows) without NaN:
 * logSumExp is {@code -inf}, softmax is all zeros and logSoftmax all {@code -inf} (the log of
 * those zeros). A row containing NaN or {@code +inf} gives NaN, as in NumPy.
 */
public class ReferenceKernels implements Kernels {

    @Override
    public String name() {
        return "reference";
    }

    // ---- matrix multiply -------------------------------------------------------------------

    @Override
    public void gemm(Transpose ta, Transpose tb, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                for (int p = 0; p < k; p++) {
                    float av = ta == Transpose.N ? a[aOff + i * lda + p] : a[aOff + p * lda + i];
                    float bv = tb == Transpose.N ? b[bOff + p * ldb + j] : b[bOff + j * ldb + p];
                    acc += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0f ? alpha * acc : alpha * acc + beta * c[ci];
            }
        }
    }

    @Override
    public void gemm(Transpose ta, Transpose tb, int m, int n, int k,
                     double alpha, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta == Transpose.N ? a[aOff + i * lda + p] : a[aOff + p * lda + i];
                    double bv = tb == Transpose.N ? b[bOff + p * ldb + j] : b[bOff + j * ldb + p];
                    acc += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0 ? alpha * acc : alpha * acc + beta * c[ci];
            }
        }
    }

    // ---- elementwise -----------------------------------------------------------------------

    @Override
    public void unary(Unary f, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) f.apply(x[xOff + i]);
        }
    }

    @Override
    public void unary(Unary f, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = f.apply(x[xOff + i]);
        }
    }

    @Override
    public void binary(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = f.apply(a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void binary(Binary f, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = f.apply(a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void binaryRow(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            binary(f, a, aOff + r * cols, b, bOff, y, yOff + r * cols, cols);
        }
    }

    @Override
    public void binaryRow(Binary f, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            binary(f, a, aOff + r * cols, b, bOff, y, yOff + r * cols, cols);
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    // ---- reductions ------------------------------------------------------------------------

    @Override
    public double sum(float[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public double sum(double[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public void sumRows(float[] x, int xOff, int rows, int cols, float[] y, int yOff) {
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += x[xOff + r * cols + c];
            }
            y[yOff + c] += (float) s;
        }
    }

    @Override
    public void sumRows(double[] x, int xOff, int rows, int cols, double[] y, int yOff) {
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += x[xOff + r * cols + c];
            }
            y[yOff + c] += s;
        }
    }

    // ---- softmax family --------------------------------------------------------------------

    @Override
    public void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[xOff + o + c]);
            }
            if (max == Double.NEGATIVE_INFINITY) { // a fully masked row: no mass anywhere
                Arrays.fill(y, yOff + o, yOff + o + cols, 0);
                continue;
            }
            double total = 0;
            for (int c = 0; c < cols; c++) {
                total += Math.exp(x[xOff + o + c] - max);
            }
            for (int c = 0; c < cols; c++) {
                y[yOff + o + c] = (float) (Math.exp(x[xOff + o + c] - max) / total);
            }
        }
    }

    @Override
    public void softmaxRows(double[] x, int xOff, double[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[xOff + o + c]);
            }
            if (max == Double.NEGATIVE_INFINITY) { // a fully masked row: no mass anywhere
                Arrays.fill(y, yOff + o, yOff + o + cols, 0);
                continue;
            }
            double total = 0;
            for (int c = 0; c < cols; c++) {
                total += Math.exp(x[xOff + o + c] - max);
            }
            for (int c = 0; c < cols; c++) {
                y[yOff + o + c] = Math.exp(x[xOff + o + c] - max) / total;
            }
        }
    }

    @Override
    public void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double lse = logSumExp(x, xOff + o, cols);
            for (int c = 0; c < cols; c++) {
                y[yOff + o + c] = (float) (lse == Double.NEGATIVE_INFINITY ? lse : x[xOff + o + c] - lse);
            }
        }
    }

    @Override
    public void logSoftmaxRows(double[] x, int xOff, double[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double lse = logSumExp(x, xOff + o, cols);
            for (int c = 0; c < cols; c++) {
                y[yOff + o + c] = (lse == Double.NEGATIVE_INFINITY ? lse : x[xOff + o + c] - lse);
            }
        }
    }

    @Override
    public void logSumExpRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = (float) logSumExp(x, xOff + r * cols, cols);
        }
    }

    @Override
    public void logSumExpRows(double[] x, int xOff, double[] y, int yOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            y[yOff + r] = logSumExp(x, xOff + r * cols, cols);
        }
    }

    private static double logSumExp(float[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max; // every entry is -inf: the sum of exps is 0
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.exp(x[off + i] - max);
        }
        return max + Math.log(total);
    }

    private static double logSumExp(double[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.exp(x[off + i] - max);
        }
        return max + Math.log(total);
    }
}
