package dev.recur.tensor;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.ReferenceKernels;
import dev.recur.kernel.Transpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared helpers for the tensor tests: seeded random tensors, element checks, a kernel call recorder. */
final class TensorAssertions {

    private TensorAssertions() {
    }

    /** A dense tensor of values in [-1, 1) from a fixed seed. */
    static Tensor random(long seed, DType dtype, int... shape) {
        return Tensor.uniform(new Random(seed), dtype, -1, 1, shape);
    }

    /** Asserts the shape and every element, in row-major order, within {@code tol}. */
    static void assertElements(int[] shape, double[] expected, Tensor actual, double tol) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertEquals(expected.length, actual.size(), "size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.getFlat(i), tol, "element " + i + " of " + actual);
        }
    }

    /** Every coordinate of a shape in row-major order. */
    static List<int[]> coordinates(int... shape) {
        List<int[]> out = new ArrayList<>();
        int n = Shapes.size(shape);
        for (int i = 0; i < n; i++) {
            int[] idx = new int[shape.length];
            for (int d = shape.length - 1, r = i; d >= 0; d--) {
                idx[d] = r % shape[d];
                r /= shape[d];
            }
            out.add(idx);
        }
        return out;
    }

    /** Runs {@code body} with {@code kernels} installed as the backend, restoring the previous one. */
    static <T> T withKernels(Kernels kernels, Supplier<T> body) {
        Kernels previous = Backend.use(kernels);
        try {
            return body.get();
        } finally {
            Backend.use(previous);
        }
    }

    /** Reference kernels that record which entry points tensor operations called, and with what. */
    static final class Recorder extends ReferenceKernels {
        final List<String> calls = new ArrayList<>();
        Transpose lastTa;
        Transpose lastTb;
        Object lastA;
        Object lastB;

        @Override
        public void binary(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
            calls.add("binary");
            super.binary(f, a, aOff, b, bOff, y, yOff, n);
        }

        @Override
        public void binary(Binary f, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int n) {
            calls.add("binary");
            super.binary(f, a, aOff, b, bOff, y, yOff, n);
        }

        @Override
        public void binaryRow(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int rows, int cols) {
            calls.add("binaryRow");
            for (int r = 0; r < rows; r++) { // not super: the reference calls binary() per row
                for (int c = 0; c < cols; c++) {
                    y[yOff + r * cols + c] = f.apply(a[aOff + r * cols + c], b[bOff + c]);
                }
            }
        }

        @Override
        public void binaryRow(Binary f, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int rows, int cols) {
            calls.add("binaryRow");
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    y[yOff + r * cols + c] = f.apply(a[aOff + r * cols + c], b[bOff + c]);
                }
            }
        }

        @Override
        public void gemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                         float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            calls.add("gemm");
            lastTa = ta;
            lastTb = tb;
            lastA = a;
            lastB = b;
            super.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }

        @Override
        public void gemm(Transpose ta, Transpose tb, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
                         double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
            calls.add("gemm");
            lastTa = ta;
            lastTb = tb;
            lastA = a;
            lastB = b;
            super.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }
}
