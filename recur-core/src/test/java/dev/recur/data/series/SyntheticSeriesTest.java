package dev.recur.data.series;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticSeriesTest {

    @Test
    void shapeAndRange() {
        Tensor s = SyntheticSeries.generate(64, 60, 42L);
        assertArrayEquals(new int[]{64, 60, 1}, s.shape());
        double maxAbs = 0;
        for (float v : s.toFloatArray()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs <= 0.75, "max |x| = " + maxAbs);
        assertTrue(maxAbs > 0.4, "the waves should reach well beyond the noise, max |x| = " + maxAbs);
    }

    @Test
    void seedDeterminesTheData() {
        assertArrayEquals(SyntheticSeries.generate(8, 20, 7L).toFloatArray(), SyntheticSeries.generate(8, 20, 7L).toFloatArray());
        assertFalse(java.util.Arrays.equals(SyntheticSeries.generate(8, 20, 7L).toFloatArray(),
                SyntheticSeries.generate(8, 20, 8L).toFloatArray()));
    }

    @Test
    void followsGeronsFormulaAndDrawOrder() {
        int batch = 3;
        int steps = 5;
        Tensor s = SyntheticSeries.generate(batch, steps, 11L);
        RandomGenerator rng = RandomGeneratorFactory.of(SyntheticSeries.ALGORITHM).create(11L);
        double[][] p = new double[4][batch]; // f1, f2, o1, o2 as np.random.rand(4, batch, 1)
        for (double[] row : p) {
            for (int b = 0; b < batch; b++) {
                row[b] = rng.nextDouble();
            }
        }
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < steps; i++) {
                double t = i / 4.0; // np.linspace(0, 1, 5)
                double expected = 0.5 * Math.sin((t - p[2][b]) * (p[0][b] * 10 + 10))
                        + 0.2 * Math.sin((t - p[3][b]) * (p[1][b] * 20 + 20)) + 0.1 * (rng.nextDouble() - 0.5);
                assertEquals((float) expected, s.get(b, i, 0), "series " + b + ", step " + i);
            }
        }
    }

    @Test
    void geronSetupWindowsEachSeriesOnce() {
        // X = series[:, :n_steps], Y = series[:, n_steps:, 0] with 10 steps ahead
        Tensor series = SyntheticSeries.generate(5, 50 + 10, 1L);
        WindowBatch b = new SlidingWindows(series, WindowSpec.nextSteps(50, 10)).all();
        assertArrayEquals(new int[]{5, 50, 1}, b.inputs().shape());
        assertArrayEquals(new int[]{5, 10}, b.targets().shape());
        assertEquals(series.get(4, 59, 0), b.targets().get(4, 9));
        assertEquals(series.get(2, 0, 0), b.inputs().get(2, 0, 0));
    }

    @Test
    void singleStepIsTimeZero() {
        assertArrayEquals(new int[]{2, 1, 1}, SyntheticSeries.generate(2, 1, 3L).shape());
    }

    @Test
    void errors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSeries.generate(0, 5, 1L));
        assertTrue(e.getMessage().contains("batch and steps must be at least 1; got batch=0, steps=5"), e.getMessage());
    }
}
