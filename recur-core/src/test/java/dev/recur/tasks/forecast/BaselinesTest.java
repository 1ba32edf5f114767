package dev.recur.tasks.forecast;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {

    /** Two windows of 4 steps: 1 2 3 4 and 10 20 30 40. */
    private static final Tensor WINDOWS = Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 2, 4, 1);

    @Test
    void naiveRepeatsTheLastValue() {
        Tensor f = Baselines.naive(WINDOWS, 3, 0);
        assertArrayEquals(new int[] {2, 3}, f.shape());
        assertArrayEquals(new double[] {4, 4, 4, 40, 40, 40}, f.toDoubleArray());
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        // season 2: steps 1, 2 ahead are the values 2 and 1 steps before the end... 3 4 3 4 3
        Tensor f = Baselines.seasonalNaive(WINDOWS, 2, 5, 0);
        assertArrayEquals(new double[] {3, 4, 3, 4, 3, 30, 40, 30, 40, 30}, f.toDoubleArray());
        // a season as long as the window
        assertArrayEquals(new double[] {1, 2, 10, 20}, Baselines.seasonalNaive(WINDOWS, 4, 2, 0).toDoubleArray());
    }

    @Test
    void readsTheChosenFeature() {
        Tensor two = Tensor.of(new float[] {1, -1, 2, -2, 3, -3}, 1, 3, 2);
        assertArrayEquals(new double[] {-3, -3}, Baselines.naive(two, 2, 1).toDoubleArray());
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> Baselines.seasonalNaive(WINDOWS, 5, 1, 0), "a season of 5 steps needs windows of at least 5"
                + " steps, got 4");
        assertMessage(() -> Baselines.naive(WINDOWS, 0, 0), "season and horizon must be at least 1; got season=1, horizon=0");
        assertMessage(() -> Baselines.naive(WINDOWS, 1, 1), "column 1 is outside [0, 1)");
        assertMessage(() -> Baselines.naive(Tensor.zeros(2, 4), 1, 0), "expected windows shaped [batch, window, features]"
                + " but got [2, 4]");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void errorsAreMeansOverEveryValue() {
        ForecastErrors e = ForecastErrors.of(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), Tensor.of(new float[] {1, 0, 3, 7}, 2, 2));
        assertEquals((4 + 9) / 4.0, e.mse(), 1e-12);
        assertEquals((2 + 3) / 4.0, e.mae(), 1e-12);
        assertEquals(Math.sqrt(13 / 4.0), e.rmse(), 1e-12);
        assertMessage(() -> ForecastErrors.of(Tensor.zeros(2, 2), Tensor.zeros(4)), "forecasts shaped [2, 2] and actual"
                + " values shaped [4] must have one shape");
        assertMessage(() -> ForecastErrors.of(Tensor.zeros(0, 2), Tensor.zeros(0, 2)), "no forecasts (shape [0, 2])");
    }
}
