package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each clipping mode on gradients with norms worked out by hand, in both element types. */
class GradientClippingTest {

    private static Parameter withGrad(String name, DType dtype, double... grad) {
        Parameter p = Grads.param(name, dtype, new double[grad.length]);
        Grads.set(p, grad);
        return p;
    }

    private static double[] grad(Parameter p) {
        return p.grad().toDoubleArray();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void byValueClipsEachElement(DType dtype) {
        Parameter p = withGrad("p", dtype, 0.5, -3, 2);
        double norm = GradientClipping.byValue(1).clip(List.of(p));
        assertArrayEquals(new double[]{0.5, -1, 1}, grad(p), 0.0);
        assertEquals(Math.sqrt(13.25), norm, 1e-15); // sqrt(0.25 + 9 + 4), before clipping
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void byNormScalesEachParameterByItsOwnNorm(DType dtype) {
        Parameter big = withGrad("big", dtype, 3, 4);       // norm 5 > 2: scaled by 2 / 5
        Parameter small = withGrad("small", dtype, 0.6, 0.8); // norm 1 <= 2: untouched
        double norm = GradientClipping.byNorm(2).clip(List.of(big, small));
        assertArrayEquals(new double[]{1.2, 1.6}, grad(big), 1e-7);
        assertArrayEquals(new double[]{0.6, 0.8}, grad(small), 1e-7);
        assertEquals(Math.sqrt(26), norm, 1e-7); // sqrt(25 + 1)
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void byGlobalNormScalesAllTogether(DType dtype) {
        Parameter a = withGrad("a", dtype, 3, 4);
        Parameter b = withGrad("b", dtype, 0, 12);
        double norm = GradientClipping.byGlobalNorm(6.5).clip(List.of(a, b)); // sqrt(9 + 16 + 144) = 13
        assertEquals(13, norm, 1e-15);
        assertArrayEquals(new double[]{1.5, 2}, grad(a), 1e-15); // * 6.5 / 13
        assertArrayEquals(new double[]{0, 6}, grad(b), 1e-15);
        assertEquals(6.5, GradientClipping.globalNorm(List.of(a, b)), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void belowTheThresholdNothingChangesBitForBit(DType dtype) {
        double[] g = {0.1, -0.3, 0.7}; // norm sqrt(0.01 + 0.09 + 0.49) = 0.76811457
        double norm = GradientClipping.globalNorm(List.of(withGrad("p", dtype, g)));
        assertEquals(Math.sqrt(0.59), norm, 1e-7);
        for (GradientClipping clipping : List.of(GradientClipping.byValue(0.7), GradientClipping.byNorm(1),
                GradientClipping.byGlobalNorm(1), GradientClipping.byNorm(norm), GradientClipping.byGlobalNorm(norm))) {
            Parameter p = withGrad("p", dtype, g); // the last two: exactly at the threshold, also a no-op
            double[] before = grad(p);
            assertEquals(norm, clipping.clip(List.of(p)), 0.0, clipping.toString());
            assertArrayEquals(before, grad(p), 0.0, clipping.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aNaNOrInfiniteNormIsReportedAndLeavesTheGradientsAsTheyAre(DType dtype) {
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY}) {
            for (GradientClipping clipping : List.of(GradientClipping.byNorm(1), GradientClipping.byGlobalNorm(1))) {
                Parameter broken = withGrad("broken", dtype, bad, 3);
                Parameter fine = withGrad("fine", dtype, 3, 4);
                double norm = clipping.clip(List.of(broken, fine));
                assertEquals(bad, norm, clipping + " " + bad);
                assertArrayEquals(new double[]{bad, 3}, grad(broken), 0.0);
                double[] expectedFine = clipping instanceof GradientClipping.ByNorm ? new double[]{0.6, 0.8} : new double[]{3, 4};
                assertArrayEquals(expectedFine, grad(fine), 1e-7, clipping + " " + bad); // per-parameter: others still clip
            }
        }
        Parameter p = withGrad("p", dtype, Double.NaN, Double.POSITIVE_INFINITY, -2);
        double norm = GradientClipping.byValue(1).clip(List.of(p));
        assertEquals(Double.NaN, norm);
        assertArrayEquals(new double[]{Double.NaN, 1, -1}, grad(p), 0.0); // NaN stays NaN; the norm tells
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void parametersWithoutAGradientAreSkipped(DType dtype) {
        Parameter none = Grads.param("none", dtype, 1, 1);
        Parameter some = withGrad("some", dtype, 3, 4);
        assertEquals(5, GradientClipping.byGlobalNorm(1).clip(List.of(none, some)), 1e-15);
        assertFalse(none.hasGrad());
        assertArrayEquals(new double[]{0.6, 0.8}, grad(some), 1e-7);
    }
}
