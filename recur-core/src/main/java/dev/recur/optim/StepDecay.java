package dev.recur.optim;

/**
 * The learning rate multiplied by {@code factor} every {@code stepSize} steps:
 * {@code lr(step) = initialLearningRate * factor^floor(step / stepSize)}.
 *
 * <p>This is PyTorch's {@code StepLR(step_size, gamma)} and Keras's
 * {@code ExponentialDecay(initial, decay_steps, decay_rate, staircase=True)}.
 *
 * @param initialLearningRate &gt; 0
 * @param stepSize            steps between reductions, &gt; 0
 * @param factor              multiplier at each reduction, in (0, 1] (PyTorch's gamma, default 0.1 there)
 */
public record StepDecay(double initialLearningRate, int stepSize, double factor) implements LearningRateSchedule {

    public StepDecay {
        Check.positive("StepDecay", "initialLearningRate", initialLearningRate);
        Check.positive("StepDecay", "stepSize", stepSize);
        Check.inLeftOpenRange("StepDecay", "factor", factor, 0, 1);
    }

    @Override
    public double lr(int step) {
        Check.nonNegative("StepDecay", "step", step);
        return initialLearningRate * Math.pow(factor, step / stepSize); // integer division: floor for step >= 0
    }
}
