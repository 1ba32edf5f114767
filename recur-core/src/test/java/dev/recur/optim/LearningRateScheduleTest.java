package dev.recur.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each schedule's value at chosen steps, worked out by hand. */
class LearningRateScheduleTest {

    private static final double EXACT = 1e-15;

    @Test
    void constant() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.01);
        assertEquals(0.01, s.lr(0));
        assertEquals(0.01, s.lr(1_000_000));
    }

    @Test
    void stepDecayDropsByTheFactorEveryStepSizeSteps() {
        var s = new StepDecay(0.1, 10, 0.5);
        assertEquals(0.1, s.lr(0), EXACT);
        assertEquals(0.1, s.lr(9), EXACT);   // floor(9 / 10) = 0
        assertEquals(0.05, s.lr(10), EXACT); // 0.1 * 0.5^1
        assertEquals(0.05, s.lr(19), EXACT);
        assertEquals(0.025, s.lr(20), EXACT); // 0.1 * 0.5^2
    }

    @Test
    void exponentialDecayIsTheSmoothStepDecay() {
        var s = new ExponentialDecay(0.1, 10, 0.5);
        assertEquals(0.1, s.lr(0), EXACT);
        assertEquals(0.0707106781186548, s.lr(5), EXACT); // 0.1 * 0.5^0.5 = 0.1 / sqrt(2)
        assertEquals(0.05, s.lr(10), EXACT);
        assertEquals(0.0353553390593274, s.lr(15), EXACT); // 0.1 * 0.5^1.5
        assertEquals(0.0125, s.lr(30), EXACT); // 0.1 * 0.5^3
    }

    @Test
    void cosineDecayFallsToZeroAndStays() {
        var s = CosineDecay.of(0.1, 100);
        assertEquals(0.1, s.lr(0), EXACT);                 // 0.1 * 0.5 * (1 + cos 0)
        assertEquals(0.0853553390593274, s.lr(25), EXACT); // 0.1 * 0.5 * (1 + cos(pi / 4)) = 0.05 * 1.70710678
        assertEquals(0.05, s.lr(50), EXACT);               // 0.1 * 0.5 * (1 + cos(pi / 2))
        assertEquals(0.0, s.lr(100), EXACT);               // cos(pi) = -1
        assertEquals(0.0, s.lr(150), EXACT);               // step clamped to decaySteps
    }

    @Test
    void cosineDecayWithAlphaEndsAtThatFraction() {
        var s = CosineDecay.of(0.1, 100).withAlpha(0.1);
        assertEquals(0.1, s.lr(0), EXACT);
        assertEquals(0.055, s.lr(50), EXACT); // 0.1 * ((1 - 0.1) * 0.5 + 0.1)
        assertEquals(0.01, s.lr(100), EXACT); // 0.1 * 0.1
        assertEquals(0.01, s.lr(1000), EXACT);
    }

    @Test
    void cosineDecayWithWarmupRisesLinearlyThenDecaysFromTheTarget() {
        var s = CosineDecay.of(0.0, 100).withWarmup(10, 0.1);
        assertEquals(0.0, s.lr(0), EXACT);
        assertEquals(0.05, s.lr(5), EXACT);                // 0 + (0.1 - 0) * 5 / 10
        assertEquals(0.1, s.lr(10), EXACT);                // decay starts at the target
        assertEquals(0.0945503262094184, s.lr(25), EXACT); // 0.1 * 0.5 * (1 + cos(pi * 15 / 100)) = 0.05 * 1.89100652
        assertEquals(0.05, s.lr(60), EXACT);               // halfway through the decay
        assertEquals(0.0, s.lr(110), EXACT);
        assertEquals(0.0, s.lr(500), EXACT);
    }

    @Test
    void aLambdaIsASchedule() {
        LearningRateSchedule inverse = step -> 1.0 / (step + 1);
        assertEquals(0.25, inverse.lr(3));
    }
}
