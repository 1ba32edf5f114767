package dev.recur.kernel;

import static dev.recur.kernel.VectorMathTesting.REFERENCE;
import static dev.recur.kernel.VectorMathTesting.SIZES;
import static dev.recur.kernel.VectorMathTesting.VECTOR;
import static dev.recur.kernel.VectorMathTesting.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Sums and the softmax family of {@link VectorKernels} against {@link ReferenceKernels}.
 * Tolerances: {@code sum} within {@code 2 (n - 1) 2^-53 sum|x|} (both accumulate in double,
 * in different orders); {@code sumRows} within 2 ulps of {@code |y| + sum_r |x[r, c]|};
 * softmax within {@code 4 ulps + 6e-8 |x - max|} relative (x - max is rounded to float before
 * exp); logSoftmax and logSumExp within 3 ulps of the largest magnitude involved
 * ({@code |x|}, {@code |max|}, the log of the row sum).
 */
class VectorMathReductionsTest {

    private static final int[][] SHAPES = {{0, 4}, {3, 0}, {1, 1}, {1, 7}, {5, 16}, {7, 17}, {3, 1000}, {300, 3}, {600, 333}};

    @Test
    void sumMatchesReferenceWithinDoubleRounding() {
        for (int n : SIZES) {
            float[] x = random(n, 7, n, 100f, false);
            double expected = REFERENCE.sum(x, 7, n), actual = VECTOR.sum(x, 7, n);
            double magnitude = 0;
            for (int i = 7; i < 7 + n; i++) {
                magnitude += Math.abs(x[i]);
            }
            assertEquals(expected, actual, 2 * Math.max(n - 1, 0) * 0x1p-53 * magnitude, "sum n=" + n);
        }
        assertEquals(0.0, VECTOR.sum(new float[3], 1, 0), "an empty sum is 0");
        assertEquals(Double.POSITIVE_INFINITY, VECTOR.sum(new float[] {1f, Float.POSITIVE_INFINITY, 2f}, 0, 3));
        assertTrue(Double.isNaN(VECTOR.sum(new float[] {1f, Float.NaN, 2f}, 0, 3)));
    }

    @Test
    void sumRowsAccumulatesColumnSumsIntoY() {
        int[][] shapes = {{0, 4}, {3, 0}, {1, 1}, {7, 17}, {257, 5}, {1000, 33}, {600, 1500}, {100003, 2}};
        for (int[] shape : shapes) {
            int rows = shape[0], cols = shape[1];
            float[] x = random(rows + cols, 3, rows * cols, 10f, false);
            float[] y0 = random(cols, 2, cols, 10f, false);
            float[] expected = y0.clone(), actual = y0.clone();
            REFERENCE.sumRows(x, 3, rows, cols, expected, 2);
            VECTOR.sumRows(x, 3, rows, cols, actual, 2);
            for (int i = 0; i < y0.length; i++) {
                double magnitude = Math.abs(y0[i]);
                for (int r = 0; i >= 2 && i < 2 + cols && r < rows; r++) {
                    magnitude += Math.abs(x[3 + r * cols + i - 2]);
                }
                if (!(Math.abs(actual[i] - expected[i]) <= 2 * Math.ulp((float) magnitude))) {
                    fail("sumRows [" + rows + ", " + cols + "] at " + i + ": expected " + expected[i] + " but was " + actual[i]);
                }
            }
        }
    }

    @Test
    void softmaxFamilyMatchesReference() {
        for (int[] shape : SHAPES) {
            int rows = shape[0], cols = shape[1];
            float[] x = random(rows * 31 + cols, 4, rows * cols, 10f, false);
            checkSoftmaxFamily(x, 4, rows, cols, "[" + rows + ", " + cols + "]");
        }
    }

    @Test
    void softmaxFamilyIsStableForLargeAndInfiniteLogits() {
        float inf = Float.POSITIVE_INFINITY;
        float[] x = {
            1000f, 1001f, 999f, 1000f,       // large: exp(1000) would overflow
            -1000f, -1000f, -1000f, -1000f,  // very negative: exp underflows to 0 for every entry
            -inf, 2f, -inf, 1f,              // masked entries
            -inf, -inf, -inf, -inf,          // fully masked: logSumExp is -inf
            3e38f, -3e38f, 0f, 1f,           // extremes of the float range
        };
        checkSoftmaxFamily(x, 0, 5, 4, "stability cases");
        float[] softmax = new float[20], lse = new float[5];
        VECTOR.softmaxRows(x, 0, softmax, 0, 5, 4);
        VECTOR.logSumExpRows(x, 0, lse, 0, 5, 4);
        assertEquals(1001f + (float) Math.log(1 + Math.exp(-1) * 2 + Math.exp(-2)), lse[0], 1e-4f);
        assertEquals(0.25f, softmax[4], 1e-7f, "a row of equal very negative logits is uniform");
        assertEquals(0f, softmax[8], "exp(-inf) is 0");
        assertEquals(Float.NEGATIVE_INFINITY, lse[3], "a fully masked row has logSumExp -inf, not NaN");
        assertEquals(1f, softmax[16], "the largest logit takes all the mass");
        for (int r = 0; r < 5; r++) {
            assertFalse(Float.isNaN(lse[r]), "logSumExp of row " + r + " is not NaN");
        }
        for (int i = 0; i < 12; i++) {
            assertFalse(Float.isNaN(softmax[i]), "softmax entry " + i + " is not NaN");
        }
    }

    @Test
    void softmaxAndLogSoftmaxWorkInPlace() {
        float[] x = random(5, 1, 7 * 21, 8f, false);
        float[] softmax = x.clone(), logSoftmax = x.clone(), expected = x.clone(), expectedLog = x.clone();
        REFERENCE.softmaxRows(x, 1, expected, 1, 7, 21);
        REFERENCE.logSoftmaxRows(x, 1, expectedLog, 1, 7, 21);
        VECTOR.softmaxRows(softmax, 1, softmax, 1, 7, 21);
        VECTOR.logSoftmaxRows(logSoftmax, 1, logSoftmax, 1, 7, 21);
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], softmax[i], 4 * Math.ulp(expected[i]) + 2e-6f * Math.abs(expected[i]), "softmax at " + i);
            assertEquals(expectedLog[i], logSoftmax[i], 3 * Math.ulp(Math.abs(x[i]) + 20f), "logSoftmax at " + i);
        }
    }

    private static void checkSoftmaxFamily(float[] x, int xOff, int rows, int cols, String what) {
        int n = rows * cols, yOff = 2;
        float[] expected = new float[yOff + n + 3], actual = new float[yOff + n + 3];
        float[] expectedLog = expected.clone(), actualLog = actual.clone();
        float[] expectedLse = new float[yOff + rows + 1], actualLse = expectedLse.clone();
        REFERENCE.softmaxRows(x, xOff, expected, yOff, rows, cols);
        VECTOR.softmaxRows(x, xOff, actual, yOff, rows, cols);
        REFERENCE.logSoftmaxRows(x, xOff, expectedLog, yOff, rows, cols);
        VECTOR.logSoftmaxRows(x, xOff, actualLog, yOff, rows, cols);
        REFERENCE.logSumExpRows(x, xOff, expectedLse, yOff, rows, cols);
        VECTOR.logSumExpRows(x, xOff, actualLse, yOff, rows, cols);
        for (int r = 0; r < rows; r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[xOff + r * cols + c]);
            }
            float lse = expectedLse[yOff + r];
            near(what + " logSumExp row " + r, expectedLse[yOff + r], actualLse[yOff + r],
                 3 * Math.ulp(Math.max(Math.abs(max), Math.abs(lse - max))));
            for (int c = 0; c < cols; c++) {
                int i = yOff + r * cols + c;
                float xi = x[xOff + r * cols + c];
                near(what + " softmax at " + r + ", " + c, expected[i], actual[i],
                     expected[i] * (4 * 0x1p-23 + 6e-8 * Math.abs(xi - max)) + Float.MIN_VALUE);
                near(what + " logSoftmax at " + r + ", " + c, expectedLog[i], actualLog[i],
                     3 * Math.ulp(Math.max(Math.max(Math.abs(xi), Math.abs(max)), Math.abs(lse - max))));
            }
        }
        for (int i : new int[] {0, 1, yOff + n, yOff + n + 2}) {
            assertEquals(0f, actual[i], what + ": nothing written outside the block");
        }
    }

    /** Equal as floats when either is infinite or NaN, else within tolerance. */
    private static void near(String what, float expected, float actual, double tolerance) {
        if (Float.isNaN(expected) || Float.isInfinite(expected) || Float.isNaN(actual) || Float.isInfinite(actual)
                || expected == actual) {
            assertEquals(expected, actual, what);
        } else if (!(Math.abs(actual - expected) <= tolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (tolerance " + tolerance + ")");
        }
    }
}
