package dev.recur.data.series;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowsTest {

    /** 0, 1, ..., n-1 as a [n, 1] series. */
    private static Tensor arange(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.of(v, n, 1);
    }

    private static float[] window(WindowBatch b, int w) {
        return b.inputs().select(0, w).toFloatArray();
    }

    private static float[] range(int from, int count, int step) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = from + i * step;
        }
        return v;
    }

    @Test
    void kerasDocExampleOneStrideAndSamplingRate() {
        // timeseries_dataset_from_array over indices [0..98], sequence_length=10, sampling_rate=2, sequence_stride=3:
        // [0 2 .. 18], [3 5 .. 21], [6 8 .. 24], ..., last [78 80 .. 96].
        SlidingWindows sw = new SlidingWindows(arange(99), new WindowSpec(10, 1, 3, 2, WindowSpec.Target.POINT));
        WindowBatch all = sw.all();
        assertEquals(27, sw.count());
        assertArrayEquals(new int[]{27, 10, 1}, all.inputs().shape());
        assertArrayEquals(range(0, 10, 2), window(all, 0));
        assertArrayEquals(range(3, 10, 2), window(all, 1));
        assertArrayEquals(range(6, 10, 2), window(all, 2));
        assertArrayEquals(range(78, 10, 2), window(all, 26));
        assertEquals(20f, all.targets().get(0, 0)); // the next sampled step after 18
        assertEquals(98f, all.targets().get(26, 0));
        assertEquals(78, sw.start(26));
    }

    @Test
    void kerasDocExampleTwoNextStepRegression() {
        // inputs[0] == data[:10], targets[0] == data[10]
        SlidingWindows sw = new SlidingWindows(arange(100), WindowSpec.nextStep(10));
        WindowBatch all = sw.all();
        assertArrayEquals(range(0, 10, 1), window(all, 0));
        assertArrayEquals(new int[]{90, 1}, all.targets().shape());
        assertEquals(10f, all.targets().get(0, 0));
        assertEquals(99f, all.targets().get(89, 0)); // every window whose target exists
        for (int w = 0; w < sw.count(); w++) {
            assertEquals(w + 10f, all.targets().get(w, 0));
        }
    }

    @Test
    void pointAheadSkipsTheGap() {
        WindowBatch b = new SlidingWindows(arange(30), WindowSpec.pointAhead(5, 4)).all();
        assertEquals(22, b.size()); // span 9
        assertEquals(8f, b.targets().get(0, 0)); // last input 4, four steps later
    }

    @Test
    void nextStepsAsOneVector() {
        SlidingWindows sw = new SlidingWindows(arange(20), WindowSpec.nextSteps(5, 3));
        WindowBatch b = sw.all();
        assertEquals(13, sw.count());
        assertArrayEquals(new int[]{13, 3}, b.targets().shape());
        assertArrayEquals(new float[]{5, 6, 7}, b.targets().select(0, 0).toFloatArray());
        assertArrayEquals(range(12, 5, 1), window(b, 12));
        assertArrayEquals(new float[]{17, 18, 19}, b.targets().select(0, 12).toFloatArray());
    }

    @Test
    void everyStepTargetsAreTheNextHValuesAfterEachStep() {
        // Géron ch. 15: Y[:, t, k-1] = series[:, t + k] for t in the window, k = 1..H.
        WindowBatch b = new SlidingWindows(arange(20), WindowSpec.everyStep(4, 2)).all();
        assertEquals(15, b.size());
        assertArrayEquals(new int[]{15, 4, 2}, b.targets().shape());
        assertArrayEquals(new float[]{1, 2, 2, 3, 3, 4, 4, 5}, b.targets().select(0, 0).toFloatArray());
        WindowBatch vector = new SlidingWindows(arange(20), WindowSpec.nextSteps(4, 2)).all();
        for (int w = 0; w < b.size(); w++) { // the last step's targets are the NEXT_STEPS targets
            assertArrayEquals(vector.targets().select(0, w).toFloatArray(),
                    b.targets().select(0, w).select(0, 3).toFloatArray());
        }
    }

    @Test
    void everyStepWithSamplingRateStaysOnTheSampledGrid() {
        WindowBatch b = new SlidingWindows(arange(20), WindowSpec.everyStep(3, 2).withSamplingRate(2)).all();
        assertArrayEquals(new float[]{0, 2, 4}, window(b, 0));
        assertArrayEquals(new float[]{2, 4, 4, 6, 6, 8}, b.targets().select(0, 0).toFloatArray());
    }

    @Test
    void multivariateInputsWithOneTargetColumn() {
        float[] v = new float[2 * 8];
        for (int i = 0; i < 8; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = 100 + i;
        }
        WindowBatch b = new SlidingWindows(Tensor.of(v, 8, 2), WindowSpec.nextSteps(3, 2), 1).all();
        assertArrayEquals(new int[]{4, 3, 2}, b.inputs().shape());
        assertArrayEquals(new float[]{0, 100, 1, 101, 2, 102}, window(b, 0));
        assertArrayEquals(new float[]{103, 104}, b.targets().select(0, 0).toFloatArray());
        WindowBatch both = new SlidingWindows(Tensor.of(v, 8, 2), WindowSpec.nextSteps(3, 2), 1, 0).all();
        assertArrayEquals(new float[]{103, 3, 104, 4}, both.targets().select(0, 0).toFloatArray()); // step-major
    }

    @Test
    void severalSeriesNeverShareAWindow() {
        // [2 series, 10 steps, 1]: series s holds 100*s + t.
        float[] v = new float[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 100 * (i / 10) + i % 10;
        }
        SlidingWindows sw = new SlidingWindows(Tensor.of(v, 2, 10, 1), WindowSpec.nextSteps(6, 2));
        assertEquals(6, sw.count()); // 3 per series
        WindowBatch b = sw.all();
        assertArrayEquals(range(102, 6, 1), window(b, 5));
        assertArrayEquals(new float[]{108, 109}, b.targets().select(0, 5).toFloatArray());
        assertEquals(1, sw.seriesOf(3));
        assertEquals(0, sw.start(3));
    }

    @Test
    void batchPicksWindowsInTheGivenOrderAndKeepsTheType() {
        Tensor data = arange(12).to(DType.FLOAT64);
        WindowBatch b = new SlidingWindows(data, WindowSpec.nextStep(3)).batch(new int[]{5, 0});
        assertEquals(DType.FLOAT64, b.inputs().dtype());
        assertArrayEquals(new double[]{5, 6, 7, 0, 1, 2}, b.inputs().toDoubleArray());
        assertArrayEquals(new double[]{8, 3}, b.targets().toDoubleArray());
    }

    @Test
    void errors() {
        assertMessage(() -> new SlidingWindows(arange(12), WindowSpec.nextStep(12)),
                "the series has 12 time steps, but a window of 12 steps followed by 1 target step(s) at sampling rate 1"
                        + " spans 13. Possible fix");
        assertMessage(() -> new SlidingWindows(arange(5).reshape(5), WindowSpec.nextStep(2)),
                "expected data of shape [time, features] or [series, time, features] but got [5]");
        assertMessage(() -> new SlidingWindows(Tensor.zeros(5, 0), WindowSpec.nextStep(2)), "has no features");
        assertMessage(() -> new SlidingWindows(arange(5), WindowSpec.nextStep(2), 1), "target column 1 is outside [0, 1)");
        SlidingWindows sw = new SlidingWindows(arange(5), WindowSpec.nextStep(2));
        assertMessage(() -> sw.batch(new int[]{3}), "SlidingWindows.batch: window 3 is outside [0, 3)");
        assertMessage(() -> sw.start(-1), "SlidingWindows.start: window -1 is outside [0, 3)");
        assertMessage(() -> sw.seriesOf(3), "SlidingWindows.seriesOf: window 3 is outside [0, 3)");
        assertMessage(() -> new WindowSpec(0, 1, 1, 1, WindowSpec.Target.POINT), "window, horizon, stride and samplingRate"
                + " must be at least 1 and target non-null; got window=0");
        assertMessage(() -> WindowSpec.nextStep(3).withStride(0), "got window=3, horizon=1, stride=0");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
