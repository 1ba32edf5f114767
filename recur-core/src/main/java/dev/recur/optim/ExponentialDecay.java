package dev.recur.optim;

/**
 * Smooth exponential decay, Keras's {@code ExponentialDecay} (with {@code staircase=False}):
 * {@code lr(step) = initialLearningRate * decayRate^(step / decaySteps)}, so the rate is
 * multiplied by decayRate every decaySteps steps, continuously in between. For the staircase
 * form use {@link StepDecay}.
 *
 * @param initialLearningRate &gt; 0
 * @param decaySteps          &gt; 0
 * @param decayRate           in (0, 1]
 */
public record ExponentialDecay(double initialLearningRate, int decaySteps, double decayRate)
        implements LearningRateSchedule {

    public ExponentialDecay {
        Check.positive("ExponentialDecay", "initialLearningRate", initialLearningRate);
        Check.positive("ExponentialDecay", "decaySteps", decaySteps);
        Check.inLeftOpenRange("ExponentialDecay", "decayRate", decayRate, 0, 1);
    }

    @Override
    public double lr(int step) {
        Check.nonNegative("ExponentialDecay", "step", step);
        return initialLearningRate * Math.pow(decayRate, (double) step / decaySteps);
    }
}
