package dev.recur.kernel;

import static dev.recur.kernel.VectorMathTesting.REFERENCE;
import static dev.recur.kernel.VectorMathTesting.SIZES;
import static dev.recur.kernel.VectorMathTesting.VECTOR;
import static dev.recur.kernel.VectorMathTesting.assertBits;
import static dev.recur.kernel.VectorMathTesting.assertUlps;
import static dev.recur.kernel.VectorMathTesting.random;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The elementwise kernels of {@link VectorKernels} against {@link ReferenceKernels}, at sizes
 * around the vector width and past the parallel threshold, with offsets and in place.
 * Tolerances: NEG, ABS, SQRT, SQUARE, RECIPROCAL, RELU and every {@link Binary} op are
 * bit-identical (each rounds once, like the reference); EXP, LOG, TANH, SIGMOID within 3 ulps of
 * the reference's correctly rounded result (the functions are within 2 ulps of the exact value);
 * axpy within 2 ulps of {@code |alpha x| + |y|} (it rounds once, the reference twice).
 */
class VectorMathElementwiseTest {

    private static final EnumSet<Unary> TRANSCENDENTAL = EnumSet.of(Unary.EXP, Unary.LOG, Unary.TANH, Unary.SIGMOID);

    @ParameterizedTest
    @EnumSource(Unary.class)
    void unaryMatchesReference(Unary f) {
        for (int n : SIZES) {
            int xOff = 3, yOff = 5;
            float[] x = random(n, xOff, n, 12f, true);
            float[] expected = new float[yOff + n + 2], actual = new float[yOff + n + 2];
            REFERENCE.unary(f, x, xOff, expected, yOff, n);
            VECTOR.unary(f, x, xOff, actual, yOff, n);
            check(f, expected, actual, n);

            float[] inPlace = x.clone(), inPlaceExpected = x.clone(); // y == x, same range
            REFERENCE.unary(f, inPlaceExpected, xOff, inPlaceExpected, xOff, n);
            VECTOR.unary(f, inPlace, xOff, inPlace, xOff, n);
            check(f, inPlaceExpected, inPlace, n);
        }
    }

    private static void check(Unary f, float[] expected, float[] actual, int n) {
        String what = f + " n=" + n;
        if (TRANSCENDENTAL.contains(f)) {
            assertUlps(what, expected, actual, 0, expected.length, 3);
        } else {
            assertBits(what, expected, actual); // also: nothing written outside [yOff, yOff + n)
        }
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void binaryMatchesReferenceBitForBit(Binary f) {
        for (int n : SIZES) {
            float[] a = random(2 * n, 1, n, 5f, true), b = random(2 * n + 1, 6, n, 5f, true);
            float[] expected = new float[n + 9], actual = new float[n + 9];
            REFERENCE.binary(f, a, 1, b, 6, expected, 4, n);
            VECTOR.binary(f, a, 1, b, 6, actual, 4, n);
            assertBits(f + " n=" + n, expected, actual);

            float[] intoA = a.clone(), intoAExpected = a.clone(); // y == a
            REFERENCE.binary(f, intoAExpected, 1, b, 6, intoAExpected, 1, n);
            VECTOR.binary(f, intoA, 1, b, 6, intoA, 1, n);
            assertBits(f + " y == a, n=" + n, intoAExpected, intoA);

            float[] intoB = b.clone(), intoBExpected = b.clone(); // y == b
            REFERENCE.binary(f, a, 1, intoBExpected, 6, intoBExpected, 6, n);
            VECTOR.binary(f, a, 1, intoB, 6, intoB, 6, n);
            assertBits(f + " y == b, n=" + n, intoBExpected, intoB);
        }
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void binaryRowBroadcastsTheRowVector(Binary f) {
        int[][] shapes = {{0, 5}, {3, 0}, {1, 17}, {1, 100003}, {7, 1}, {5, 16}, {33, 17}, {1000, 129}};
        for (int[] shape : shapes) {
            int rows = shape[0], cols = shape[1];
            float[] a = random(rows, 2, rows * cols, 5f, true), b = random(cols, 3, cols, 5f, true);
            float[] expected = new float[rows * cols + 4], actual = new float[rows * cols + 4];
            REFERENCE.binaryRow(f, a, 2, b, 3, expected, 1, rows, cols);
            VECTOR.binaryRow(f, a, 2, b, 3, actual, 1, rows, cols);
            assertBits(f + " [" + rows + ", " + cols + "]", expected, actual);

            float[] inPlace = a.clone(), inPlaceExpected = a.clone(); // the bias add h += b
            REFERENCE.binaryRow(f, inPlaceExpected, 2, b, 3, inPlaceExpected, 2, rows, cols);
            VECTOR.binaryRow(f, inPlace, 2, b, 3, inPlace, 2, rows, cols);
            assertBits(f + " in place [" + rows + ", " + cols + "]", inPlaceExpected, inPlace);
        }
    }

    @Test
    void axpyRoundsOnceAndStaysWithinTwoUlpsOfTheReference() {
        for (int n : SIZES) {
            for (float alpha : new float[] {0f, 1f, -0.37f, 1e-3f, 12.5f}) {
                float[] x = random(n, 2, n, 3f, false), y0 = random(n + 1, 4, n, 3f, false);
                float[] expected = y0.clone(), actual = y0.clone();
                REFERENCE.axpy(n, alpha, x, 2, expected, 4);
                VECTOR.axpy(n, alpha, x, 2, actual, 4);
                for (int i = 0; i < actual.length; i++) {
                    boolean inRange = i >= 4 && i < 4 + n;
                    float term = inRange ? alpha * x[i - 2] : 0f;
                    double tolerance = 2 * Math.ulp(Math.abs(term) + Math.abs(y0[i]));
                    if (!(Math.abs(actual[i] - expected[i]) <= tolerance) || (!inRange && actual[i] != y0[i])) {
                        fail("axpy alpha=" + alpha + " n=" + n + " at " + i + ": expected " + expected[i] + " but was " + actual[i]);
                    }
                }
                if (alpha == 1f || alpha == 0f) {
                    assertBits("axpy with alpha " + alpha + " is exact", expected, actual);
                }
            }
        }
    }

    @Test
    void reluMapsNanToZeroLikeItsDefinition() {
        float[] x = {Float.NaN, -0f, -1f, 2f, Float.NEGATIVE_INFINITY};
        float[] y = new float[5];
        VECTOR.unary(Unary.RELU, x, 0, y, 0, 5);
        assertBits("relu", new float[] {0f, 0f, 0f, 2f, 0f}, y);
        assertTrue(Float.floatToIntBits(y[1]) == 0, "relu(-0) is +0, as x > 0 ? x : 0 defines it");
    }
}
