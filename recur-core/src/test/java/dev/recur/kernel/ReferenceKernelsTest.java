package dev.recur.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReferenceKernels' elementwise maths, reductions and softmax family against their scalar definitions. */
class ReferenceKernelsTest {

    private static final Kernels K = new ReferenceKernels();
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final double[] XS = {-20, -3, -0.5, -0.0, 0, 0.25, 1, 2.5, 20};
    private static final float SENTINEL = -777f; // outside the written range: must stay

    /** Each function written out independently of Unary.apply (StrictMath, textbook formulas). */
    private static double definition(Unary u, double x) {
        return switch (u) {
            case NEG -> -x;
            case EXP -> StrictMath.exp(x);
            case LOG -> StrictMath.log(x);
            case TANH -> StrictMath.tanh(x);
            case SIGMOID -> 1.0 / (1.0 + StrictMath.exp(-x));
            case RELU -> x > 0 ? x : 0.0; // +0 for -0, as PyTorch
            case SQRT -> StrictMath.sqrt(x);
            case ABS -> StrictMath.abs(x);
            case SQUARE -> x * x;
            case RECIPROCAL -> 1.0 / x;
        };
    }

    private static double definition(Binary f, double a, double b) {
        return switch (f) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MAX -> StrictMath.max(a, b); // NaN wins; +0 > -0
            case MIN -> StrictMath.min(a, b);
        };
    }

    /** Within a few units in the last place (of the expected value's type), or both equal (infinities, NaN). */
    private static void assertUlps(double want, double got, double ulp, String what) {
        if (Double.compare(want, got) == 0 || want == got) {
            return;
        }
        assertTrue(Math.abs(want - got) <= 4 * ulp, what + ": expected " + want + " but got " + got);
    }

    @ParameterizedTest
    @EnumSource(Unary.class)
    void unaryMatchesItsDefinition(Unary u) {
        int off = 2;
        double[] x = new double[XS.length + off];
        System.arraycopy(XS, 0, x, off, XS.length);
        double[] y = new double[XS.length + 3];
        K.unary(u, x, off, y, 1, XS.length);
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] yf = new float[y.length];
        Arrays.fill(yf, SENTINEL);
        K.unary(u, xf, off, yf, 1, XS.length);
        for (int i = 0; i < XS.length; i++) {
            double want = definition(u, XS[i]);
            assertUlps(want, y[1 + i], Math.ulp(want), u + "(" + XS[i] + ")");
            assertUlps((float) want, yf[1 + i], Math.ulp((float) want), u + "(" + XS[i] + ") in float32");
            assertEquals(Double.compare(want, 0.0) == 0, Double.compare(y[1 + i], 0.0) == 0, u + ": sign of zero");
            assertEquals(u.apply(XS[i]), y[1 + i], 0.0, "Unary.apply is what the kernel computes");
        }
        assertEquals(SENTINEL, yf[0]);
        assertEquals(SENTINEL, yf[yf.length - 2]);

        double[] inPlace = XS.clone(); // x and y may be the same range
        K.unary(u, inPlace, 0, inPlace, 0, inPlace.length);
        for (int i = 0; i < XS.length; i++) {
            assertEquals(u.apply(XS[i]), inPlace[i], 0.0);
        }
    }

    @Test
    void sigmoidIsStableAtBothEnds() {
        double[] x = {-1000, -745, 745, 1000, 0};
        double[] y = new double[5];
        K.unary(Unary.SIGMOID, x, 0, y, 0, 5);
        assertArrayEquals(new double[]{0, Math.exp(-745), 1, 1, 0.5}, y);
        float[] yf = new float[5];
        K.unary(Unary.SIGMOID, new float[]{-1000, -88, 88, 1000, 0}, 0, yf, 0, 5);
        assertArrayEquals(new float[]{0, (float) (1 / (1 + Math.exp(88))), 1, 1, 0.5f}, yf);
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void binaryMatchesItsDefinition(Binary f) {
        double[] a = {1.5, -2, 0.1, 3, -0.0, 0.0, Double.NaN, 7, Double.POSITIVE_INFINITY};
        double[] b = {0.25, 4, 0.2, -3, 0.0, -0.0, 1, Double.NaN, 2};
        int n = a.length;
        double[] y = new double[n + 2];
        K.binary(f, pad(a, 1), 1, b, 0, y, 2, n);
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        float[] yf = new float[n];
        K.binary(f, af, 0, bf, 0, yf, 0, n);
        for (int i = 0; i < n; i++) {
            double want = definition(f, a[i], b[i]);
            assertEquals(0, Double.compare(want, y[2 + i]), f + "(" + a[i] + ", " + b[i] + ") = " + y[2 + i]);
            // one rounding: the float result is the double result of the float inputs, rounded
            float wantF = (float) definition(f, af[i], bf[i]);
            assertEquals(0, Float.compare(wantF, yf[i]), f + " in float32 of " + af[i] + ", " + bf[i]);
            assertEquals(0, Float.compare(f.apply(af[i], bf[i]), yf[i]), "Binary.apply(float, float) agrees");
        }
        double[] alias = a.clone(); // y may alias a exactly
        K.binary(f, alias, 0, b, 0, alias, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(0, Double.compare(definition(f, a[i], b[i]), alias[i]));
        }
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void binaryRowBroadcastsTheRowOverEveryRow(Binary f) {
        int rows = 3, cols = 4;
        double[] a = new double[1 + rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0.5 - 2;
        }
        double[] b = {9, 1, -1, 0.5, 2}; // the row starts at offset 1
        double[] y = new double[rows * cols + 1];
        K.binaryRow(f, a, 1, b, 1, y, 1, rows, cols);
        float[] yf = new float[rows * cols];
        K.binaryRow(f, toFloat(a), 1, toFloat(b), 1, yf, 0, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double want = definition(f, a[1 + r * cols + c], b[1 + c]);
                assertEquals(want, y[1 + r * cols + c], 0.0);
                assertEquals((float) want, yf[r * cols + c], 0.0);
            }
        }
        assertEquals(0.0, y[0]);
    }

    @Test
    void axpyAddsAScaledVector() {
        double[] x = {9, 1, 2, 3};
        double[] y = {10, 20, 30, 40};
        K.axpy(3, -2.0, x, 1, y, 1);
        assertArrayEquals(new double[]{10, 18, 26, 34}, y);
        float[] yf = {10, 20, 30, 40};
        K.axpy(2, 0.5f, new float[]{2, 4}, 0, yf, 2);
        assertArrayEquals(new float[]{10, 20, 31, 42}, yf);
    }

    @Test
    void sumAccumulatesInDouble() {
        assertEquals(6.0, K.sum(new double[]{100, 1, 2, 3}, 1, 3));
        float[] x = new float[1001];
        x[0] = 1e8f;
        Arrays.fill(x, 1, x.length, 1f); // in float, 1e8 + 1 == 1e8
        assertEquals(1e8 + 1000, K.sum(x, 0, x.length));
        assertEquals(0.0, K.sum(x, 5, 0));
    }

    @Test
    void sumRowsAddsColumnSumsIntoY() {
        double[] x = {-1, 1, 2, 3, 4, 5, 6}; // [2, 3] at offset 1
        double[] y = {7, 10, 20, 30};
        K.sumRows(x, 1, 2, 3, y, 1);
        assertArrayEquals(new double[]{7, 10 + 1 + 4, 20 + 2 + 5, 30 + 3 + 6}, y);
        float[] yf = {1, 1, 1};
        K.sumRows(toFloat(x), 1, 2, 3, yf, 0);
        assertArrayEquals(new float[]{6, 8, 10}, yf);
        float[] none = {3};
        K.sumRows(new float[0], 0, 0, 1, none, 0);
        assertArrayEquals(new float[]{3}, none, "zero rows add nothing");
    }

    @Test
    void softmaxFamilyMatchesTheDefinitionAtOffsets() {
        double[] x = {99, 0.5, -1, 2, 3, 0, -3}; // two rows of 3 at offset 1
        double[] sm = new double[8];
        double[] lsm = new double[8];
        double[] lse = new double[3];
        K.softmaxRows(x, 1, sm, 2, 2, 3);
        K.logSoftmaxRows(x, 1, lsm, 2, 2, 3);
        K.logSumExpRows(x, 1, lse, 1, 2, 3);
        float[] smF = new float[6];
        float[] lseF = new float[2];
        K.softmaxRows(toFloat(x), 1, smF, 0, 2, 3);
        K.logSumExpRows(toFloat(x), 1, lseF, 0, 2, 3);
        for (int r = 0; r < 2; r++) {
            double total = 0;
            for (int c = 0; c < 3; c++) {
                total += Math.exp(x[1 + r * 3 + c]);
            }
            assertEquals(Math.log(total), lse[1 + r], 1e-15);
            assertEquals(Math.log(total), lseF[r], 1e-6);
            for (int c = 0; c < 3; c++) {
                double v = x[1 + r * 3 + c];
                assertEquals(Math.exp(v) / total, sm[2 + r * 3 + c], 1e-15);
                assertEquals(v - Math.log(total), lsm[2 + r * 3 + c], 1e-15);
                assertEquals(Math.exp(v) / total, smF[r * 3 + c], 1e-7);
            }
        }
        assertEquals(0.0, sm[0] + sm[1] + lse[0], "nothing written before the offsets");
    }

    @Test
    void softmaxFamilyIsStable() {
        double[] x = {1000, 999, -1000, -1000, -1001, 1000};
        double[] sm = new double[6];
        double[] lse = new double[2];
        K.softmaxRows(x, 0, sm, 0, 2, 3);
        K.logSumExpRows(x, 0, lse, 0, 2, 3);
        double e = Math.exp(-1);
        assertArrayEquals(new double[]{1 / (1 + e), e / (1 + e), 0, 0, 0, 1}, sm, 1e-15);
        assertArrayEquals(new double[]{1000 + Math.log(1 + e), 1000}, lse, 1e-12);
        float[] smF = new float[6];
        float[] lsmF = new float[6];
        K.softmaxRows(toFloat(x), 0, smF, 0, 2, 3);
        K.logSoftmaxRows(toFloat(x), 0, lsmF, 0, 2, 3);
        assertArrayEquals(new float[]{(float) (1 / (1 + e)), (float) (e / (1 + e)), 0, 0, 0, 1}, smF, 1e-7f);
        assertArrayEquals(new float[]{(float) -Math.log(1 + e), (float) (-1 - Math.log(1 + e)), -2000 - (float) Math.log(1 + e),
                -2000, -2001, 0}, lsmF, 1e-4f);
    }

    @Test
    void fullyMaskedRowsAreZeroProbabilityNotNaN() {
        double[] x = {NEG_INF, NEG_INF, NEG_INF, 0};
        double[] sm = {5, 5, 5, 5};
        double[] lsm = new double[4];
        double[] lse = new double[2];
        K.softmaxRows(x, 0, sm, 0, 2, 2);
        K.logSoftmaxRows(x, 0, lsm, 0, 2, 2);
        K.logSumExpRows(x, 0, lse, 0, 2, 2);
        assertArrayEquals(new double[]{0, 0, 0, 1}, sm);
        assertArrayEquals(new double[]{NEG_INF, NEG_INF, NEG_INF, 0}, lsm);
        assertArrayEquals(new double[]{NEG_INF, 0}, lse);
        float[] smF = {5, 5, 5, 5};
        float[] lsmF = new float[4];
        float[] lseF = new float[2];
        K.softmaxRows(toFloat(x), 0, smF, 0, 2, 2);
        K.logSoftmaxRows(toFloat(x), 0, lsmF, 0, 2, 2);
        K.logSumExpRows(toFloat(x), 0, lseF, 0, 2, 2);
        assertArrayEquals(new float[]{0, 0, 0, 1}, smF);
        assertArrayEquals(new float[]{Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 0}, lsmF);
        assertArrayEquals(new float[]{Float.NEGATIVE_INFINITY, 0}, lseF);
    }

    @Test
    void emptyRowsHaveALogSumExpOfMinusInfinity() {
        double[] lse = {1, 1};
        K.logSumExpRows(new double[0], 0, lse, 0, 2, 0);
        assertArrayEquals(new double[]{NEG_INF, NEG_INF}, lse);
    }

    private static double[] pad(double[] x, int before) {
        double[] p = new double[x.length + before];
        System.arraycopy(x, 0, p, before, x.length);
        return p;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
