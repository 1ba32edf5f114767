package dev.recur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Activations}: errors against {@code Math} in double over every 16381st float (262,000
 * inputs: 512 per binade across the whole range, including subnormals and huge values), exact
 * saturation, special values, and the range helpers with offsets and in place. (The errors over
 * all 2^32 floats, quoted in the class comment, came from the same comparison run exhaustively.)
 */
class VectorMathActivationsTest {

    /** The four functions, with the error bound held (in ulps of the exact value). */
    enum Function {
        EXP(Activations::exp, Math::exp, 1.1),
        LOG(Activations::log, Math::log, 1.0),
        TANH(Activations::tanh, Math::tanh, 1.5),
        SIGMOID(Activations::sigmoid, x -> Unary.SIGMOID.apply(x), 2.5);

        final UnaryOperator<FloatVector> vector;
        final DoubleUnaryOperator exact;
        final double ulps;

        Function(UnaryOperator<FloatVector> vector, DoubleUnaryOperator exact, double ulps) {
            this.vector = vector;
            this.exact = exact;
            this.ulps = ulps;
        }
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void errorOverTheWholeFloatRangeIsWithinBound(Function f) {
        int n = 1 << 16;
        float[] x = new float[n], y = new float[n];
        double worst = 0;
        float worstAt = 0;
        for (long bits = 0; bits < 1L << 32; ) {
            int count = 0;
            for (; count < n && bits < 1L << 32; bits += 16381) {
                x[count++] = Float.intBitsToFloat((int) bits);
            }
            map(f.vector, x, y, count);
            for (int i = 0; i < count; i++) {
                double exact = f.exact.applyAsDouble(x[i]);
                float rounded = (float) exact;
                if (Double.isNaN(exact) || Float.isInfinite(rounded)) {
                    assertEquals(rounded, y[i], f + "(" + x[i] + ")"); // NaN == NaN here
                    continue;
                }
                double ulps = Math.abs(y[i] - exact) / Math.ulp(rounded);
                if (ulps > worst) {
                    worst = ulps;
                    worstAt = x[i];
                }
            }
        }
        assertTrue(worst <= f.ulps, f + " is off by " + worst + " ulps at x = " + worstAt + ", bound " + f.ulps);
    }

    @Test
    void specialValuesAndExactSaturation() {
        float inf = Float.POSITIVE_INFINITY, nan = Float.NaN;
        check("exp", Activations::exp, new float[] {-inf, inf, nan, 0f, -0f, 88.8f, 1000f, -104f, -1e30f, 1e30f},
              new float[] {0f, inf, nan, 1f, 1f, inf, inf, 0f, 0f, inf});
        check("log", Activations::log, new float[] {0f, -0f, -1f, -inf, inf, nan, 1f, Float.MIN_VALUE},
              new float[] {-inf, -inf, nan, nan, inf, nan, 0f, (float) Math.log(Float.MIN_VALUE)});
        check("tanh", Activations::tanh, new float[] {inf, -inf, nan, 9.02f, -9.02f, 1e30f, -1e30f, 0f, -0f, 1f, 1e-30f},
              new float[] {1f, -1f, nan, 1f, -1f, 1f, -1f, 0f, -0f, 0.7615942f, 1e-30f});
        check("sigmoid", Activations::sigmoid, new float[] {inf, -inf, nan, 17f, 1e30f, -1e30f, 0f, -0f, -100f},
              new float[] {1f, 0f, nan, 1f, 1f, 0f, 0.5f, 0.5f, (float) Math.exp(-100)});
    }

    private static void check(String what, UnaryOperator<FloatVector> f, float[] x, float[] expected) {
        float[] y = new float[x.length];
        map(f, x, y, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(y[i]),
                         what + "(" + x[i] + ") should be " + expected[i] + " but was " + y[i]);
        }
    }

    @Test
    void rangeHelpersMapOffsetsAndInPlace() {
        float[] x = VectorMathTesting.random(9, 0, 40, 6f, false);
        float[] tanh = new float[45], sigmoid = x.clone(), exp = new float[40], log = new float[40];
        Activations.tanh(x, 3, tanh, 4, 33);
        Activations.sigmoid(sigmoid, 2, sigmoid, 2, 35); // in place
        Activations.exp(x, 1, exp, 0, 17);
        float[] positive = new float[40];
        for (int i = 0; i < 40; i++) {
            positive[i] = Math.abs(x[i]) + 1e-3f;
        }
        Activations.log(positive, 0, log, 0, 40);
        for (int i = 0; i < 45; i++) {
            float expected = i >= 4 && i < 37 ? (float) Math.tanh(x[i - 1]) : 0f;
            assertEquals(expected, tanh[i], 1.2e-7, "tanh at " + i);
        }
        for (int i = 0; i < x.length; i++) {
            float expected = i >= 2 && i < 37 ? (float) Unary.SIGMOID.apply(x[i]) : x[i];
            assertEquals(expected, sigmoid[i], 1.2e-7, "sigmoid at " + i);
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(i < 17 ? (float) Math.exp(x[i + 1]) : 0f, exp[i], 2e-7 * Math.abs(exp[i]), "exp at " + i);
            assertEquals((float) Math.log(positive[i]), log[i], 2e-7 * Math.abs(log[i]), "log at " + i);
        }
    }

    /** y = f(x) over [0, n), masking the last partial vector. */
    private static void map(UnaryOperator<FloatVector> f, float[] x, float[] y, int n) {
        for (int i = 0; i < n; i += Activations.SPECIES.length()) {
            VectorMask<Float> m = Activations.SPECIES.indexInRange(i, n);
            f.apply(FloatVector.fromArray(Activations.SPECIES, x, i, m)).intoArray(y, i, m);
        }
    }
}
