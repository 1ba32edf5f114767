package dev.recur.data.series;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScalerTest {

    /** [n, 2]: feature 0 = i, feature 1 = 10 * i + 5. */
    private static Tensor data(int n) {
        float[] v = new float[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = 10 * i + 5;
        }
        return Tensor.of(v, n, 2);
    }

    @Test
    void standardIsFittedOnTheTrainingPartOnly() {
        Split split = Split.byFraction(data(10), 0.6, 0.2);
        Scaler s = Scaler.standard(split.train()); // rows 0..5
        double std = Math.sqrt(17.5 / 6); // population std of 0..5
        assertArrayEquals(new double[]{2.5, 30}, s.shift(), 1e-12);
        assertArrayEquals(new double[]{std, 10 * std}, s.scale(), 1e-12);
        Tensor test = s.transform(split.test()); // rows 8, 9: beyond the training range, not 0-centred
        assertEquals((8 - 2.5) / std, test.get(0, 0), 1e-6);
        assertEquals((95 - 30) / (10 * std), test.get(1, 1), 1e-6);
        Tensor train = s.transform(split.train());
        assertEquals(0, train.sum(0).get(0), 1e-5);
        assertEquals(1, train.square().mean().item(), 1e-5); // both features have unit variance on train
    }

    @Test
    void inverseUndoesTransformOnAnyBatchFirstShape() {
        Tensor x = data(12);
        Scaler s = Scaler.standard(x);
        assertTrue(x.allClose(s.inverseTransform(s.transform(x)), 1e-6, 1e-5));
        Tensor windows = new SlidingWindows(x, WindowSpec.nextStep(4)).all().inputs(); // [8, 4, 2]
        Tensor back = s.inverseTransform(s.transform(windows));
        assertArrayEquals(windows.shape(), back.shape());
        assertTrue(windows.allClose(back, 1e-6, 1e-5));
        Tensor d = x.to(DType.FLOAT64);
        Tensor dBack = s.inverseTransform(s.transform(d));
        assertEquals(DType.FLOAT64, dBack.dtype());
        assertEquals(0, d.maxAbsDiff(dBack), 1e-12);
    }

    @Test
    void selectInvertsForecastsOfOneFeature() {
        Scaler s = Scaler.minMax(data(11)); // feature 1 spans 5..105
        Scaler target = s.select(1);
        Tensor forecast = Tensor.of(new float[]{0, 0.5f, 1}, 1, 3); // [batch, horizon] of scaled feature 1
        assertArrayEquals(new float[]{5, 55, 105}, target.inverseTransform(forecast).toFloatArray(), 1e-5f);
    }

    @Test
    void minMaxMapsTrainingRangeAndConstantFeatures() {
        Scaler s = Scaler.minMax(data(5), -1, 1); // feature 0: 0..4
        Tensor t = s.transform(data(5));
        assertEquals(-1, t.get(0, 0), 1e-6);
        assertEquals(1, t.get(4, 0), 1e-6);
        assertEquals(0, t.get(2, 1), 1e-6);
        Tensor constant = Tensor.full(DType.FLOAT32, 7, 4, 1);
        assertEquals(0, Scaler.minMax(constant).transform(constant).get(0, 0)); // to lo, no division by zero
        assertEquals(0, Scaler.standard(constant).transform(constant).get(3, 0));
    }

    @Test
    void configRoundTrip() {
        Scaler s = Scaler.standard(data(7));
        Scaler back = Scaler.fromConfig(s.toConfig());
        assertEquals(s.kind(), back.kind());
        assertArrayEquals(s.shift(), back.shift());
        assertArrayEquals(s.scale(), back.scale());
        assertEquals(s.toString(), back.toString());
    }

    @Test
    void errors() {
        assertMessage(() -> Scaler.minMax(data(3), 1, 1), "the target range needs lo < hi; got lo=1.0, hi=1.0");
        assertMessage(() -> Scaler.standard(Tensor.zeros(0, 3)), "Scaler.standard: no training data (shape [0, 3])");
        Tensor nan = data(3);
        nan.set(Double.NaN, 2, 1);
        assertMessage(() -> Scaler.standard(nan), "training data has NaN in feature 1 (row 2)");
        Scaler s = Scaler.standard(data(3));
        assertMessage(() -> s.transform(Tensor.zeros(4, 3)), "the last dimension of [4, 3] is 3 but the scaler was fitted"
                + " on 2 features");
        assertMessage(() -> s.select(2), "Scaler.select: feature 2 is outside [0, 2)");
        assertConfigRejected(s, "shift", List.of(1.0), "\"shift\" has 1 values and \"scale\" 2");
        assertConfigRejected(s, "scale", List.of(1.0, 0.0), "\"scale\" contains 0");
        assertConfigRejected(s, "kind", "ROBUST", "key \"kind\" should be one of [STANDARD, MIN_MAX]");
    }

    private static void assertConfigRejected(Scaler s, String key, Object value, String expected) {
        Map<String, Object> m = new LinkedHashMap<>(s.toConfig());
        m.put(key, value instanceof List<?> l ? new ArrayList<>(l) : value);
        assertMessage(() -> Scaler.fromConfig(m), "Scaler config: ");
        assertMessage(() -> Scaler.fromConfig(m), expected);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
