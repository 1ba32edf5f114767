package dev.recur.optim;

import dev.recur.optim.ReduceLrOnPlateau.Config;
import dev.recur.optim.ReduceLrOnPlateau.Mode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Epoch-by-epoch behaviour of reduce-on-plateau, as Keras's callback behaves. */
class ReduceLrOnPlateauTest {

    /** The rate after each epoch, starting from {@code lr}. */
    private static double[] run(ReduceLrOnPlateau plateau, double lr, double... metrics) {
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            lr = plateau.update(metrics[i], lr);
            out[i] = lr;
        }
        return out;
    }

    private static Config minimize(double factor, int patience) {
        return new Config(Mode.MIN, factor, patience, 0.0, 0, 0.0);
    }

    @Test
    void reducesAfterPatienceEpochsWithoutImprovement() {
        var plateau = new ReduceLrOnPlateau(minimize(0.5, 2));
        // 1.0 best, 0.9 best, 0.95 bad (1), 0.95 bad (2 = patience: halve, reset), 0.95 bad (1), 0.8 best
        assertArrayEquals(new double[]{0.1, 0.1, 0.1, 0.05, 0.05, 0.05},
                run(plateau, 0.1, 1.0, 0.9, 0.95, 0.95, 0.95, 0.8), 1e-15);
        assertEquals(new ReduceLrOnPlateau.State(0.8, 0, 0), plateau.state());
    }

    @Test
    void changesSmallerThanMinDeltaAreNotImprovements() {
        var plateau = new ReduceLrOnPlateau(new Config(Mode.MIN, 0.5, 1, 0.1, 0, 0.0));
        // 1.0 best; 0.95 is not below 1.0 - 0.1: bad (1 = patience) -> halve; 0.85 is below 0.9: best
        assertArrayEquals(new double[]{1.0, 0.5, 0.5}, run(plateau, 1.0, 1.0, 0.95, 0.85), 1e-15);
    }

    @Test
    void maxModeWatchesForIncreases() {
        var plateau = new ReduceLrOnPlateau(new Config(Mode.MAX, 0.5, 1, 0.0, 0, 0.0));
        // accuracy 0.5 best, 0.6 best, 0.6 bad -> halve, 0.4 bad -> halve
        assertArrayEquals(new double[]{1.0, 1.0, 0.5, 0.25}, run(plateau, 1.0, 0.5, 0.6, 0.6, 0.4), 1e-15);
    }

    @Test
    void cooldownSuspendsCountingAfterAReduction() {
        var plateau = new ReduceLrOnPlateau(new Config(Mode.MIN, 0.5, 1, 0.0, 2, 0.0));
        // e1 best; e2 bad -> halve, cooldown 2; e3 cooldown 2 -> 1, not counted; e4 cooldown 1 -> 0, then
        // counted (Keras checks the cooldown after counting it down) -> halve, cooldown 2; e5 as e3; e6 as e4
        assertArrayEquals(new double[]{1.0, 0.5, 0.5, 0.25, 0.25, 0.125},
                run(plateau, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), 1e-15);
    }

    @Test
    void neverGoesBelowMinLr() {
        var plateau = new ReduceLrOnPlateau(new Config(Mode.MIN, 0.1, 1, 0.0, 0, 0.015));
        // e1 best; e2 bad -> max(0.1 * 0.1, 0.015) = 0.015; e3, e4 bad but the rate is at the floor
        assertArrayEquals(new double[]{0.1, 0.015, 0.015, 0.015}, run(plateau, 0.1, 1.0, 1.0, 1.0, 1.0), 1e-15);
    }

    @Test
    void aNaNMetricIsNeverAnImprovement() {
        var plateau = new ReduceLrOnPlateau(minimize(0.5, 2));
        assertArrayEquals(new double[]{1.0, 1.0, 0.5}, run(plateau, 1.0, 1.0, Double.NaN, Double.NaN), 1e-15);
        assertEquals(1.0, plateau.state().best());
    }

    @Test
    void restoredCountersContinueTheSameWay() {
        double[] metrics = {1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85};
        Config config = new Config(Mode.MIN, 0.5, 2, 0.0, 1, 0.0);
        double[] expected = run(new ReduceLrOnPlateau(config), 1.0, metrics);

        var first = new ReduceLrOnPlateau(config);
        double lr = 1.0;
        for (int i = 0; i < 4; i++) {
            lr = first.update(metrics[i], lr);
        }
        var resumed = new ReduceLrOnPlateau(config);
        resumed.restore(first.state());
        for (int i = 4; i < metrics.length; i++) {
            lr = resumed.update(metrics[i], lr);
            assertEquals(expected[i], lr, 0.0, "epoch " + (i + 1));
        }
    }

    @Test
    void startsWithNoBest() {
        assertEquals(new ReduceLrOnPlateau.State(Double.POSITIVE_INFINITY, 0, 0),
                new ReduceLrOnPlateau(Config.defaults()).state());
        assertEquals(new ReduceLrOnPlateau.State(Double.NEGATIVE_INFINITY, 0, 0),
                new ReduceLrOnPlateau(Config.defaults().withMode(Mode.MAX)).state());
    }
}
