package dev.recur.optim;

/**
 * A learning rate as a function of a counter: {@code double lr(int step)}.
 *
 * <p>The counter is whatever the caller chooses. Keras's convention, which the training loop
 * follows, evaluates a schedule at the number of optimizer steps already taken (0 for the first
 * update): {@code opt.setLearningRate(schedule.lr((int) opt.iterations()))}. Passing the epoch
 * index instead gives a per-epoch schedule (Keras's {@code LearningRateScheduler} callback,
 * PyTorch's {@code StepLR} stepped once per epoch).
 *
 * <p>Implementations: {@link #constant}, {@link StepDecay}, {@link ExponentialDecay},
 * {@link CosineDecay}; a lambda works too. {@link ReduceLrOnPlateau} reacts to a metric instead
 * of a counter and is not a schedule.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate at {@code step} (0-based, &gt;= 0). */
    double lr(int step);

    /** The same rate at every step. */
    static Constant constant(double learningRate) {
        return new Constant(learningRate);
    }

    /** A constant learning rate. */
    record Constant(double learningRate) implements LearningRateSchedule {
        public Constant {
            Check.positive("LearningRateSchedule.constant", "learningRate", learningRate);
        }

        @Override
        public double lr(int step) {
            Check.nonNegative("LearningRateSchedule.constant", "step", step);
            return learningRate;
        }
    }
}
