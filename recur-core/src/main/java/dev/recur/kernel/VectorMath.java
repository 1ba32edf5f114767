package dev.recur.kernel;

/** Single-precision elementwise maths, reductions and softmax on the Vector API. (Placeholder: reference loops.) */
final class VectorMath {

    private static final ReferenceKernels REFERENCE = new ReferenceKernels();

    private VectorMath() {
    }

    static void unary(Unary f, float[] x, int xOff, float[] y, int yOff, int n) {
        REFERENCE.unary(f, x, xOff, y, yOff, n);
    }

    static void binary(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        REFERENCE.binary(f, a, aOff, b, bOff, y, yOff, n);
    }

    static void binaryRow(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int rows, int cols) {
        REFERENCE.binaryRow(f, a, aOff, b, bOff, y, yOff, rows, cols);
    }

    static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        REFERENCE.axpy(n, alpha, x, xOff, y, yOff);
    }

    static double sum(float[] x, int off, int n) {
        return REFERENCE.sum(x, off, n);
    }

    static void sumRows(float[] x, int xOff, int rows, int cols, float[] y, int yOff) {
        REFERENCE.sumRows(x, xOff, rows, cols, y, yOff);
    }

    static void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        REFERENCE.softmaxRows(x, xOff, y, yOff, rows, cols);
    }

    static void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        REFERENCE.logSoftmaxRows(x, xOff, y, yOff, rows, cols);
    }

    static void logSumExpRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        REFERENCE.logSumExpRows(x, xOff, y, yOff, rows, cols);
    }
}
