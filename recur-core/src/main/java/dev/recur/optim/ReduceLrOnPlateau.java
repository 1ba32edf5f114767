package dev.recur.optim;

import java.util.Objects;

/**
 * Lowers the learning rate when a monitored metric stops improving: Keras's
 * {@code ReduceLROnPlateau} callback, same rules and defaults. Call it once per epoch with the
 * metric and the optimizer's rate, and set the rate it returns:
 * <pre>{@code
 * var plateau = new ReduceLrOnPlateau(ReduceLrOnPlateau.Config.defaults().withFactor(0.5).withPatience(3));
 * // after each epoch:
 * opt.setLearningRate(plateau.update(validationLoss, opt.learningRate()));
 * }</pre>
 *
 * <p>Per call, as Keras does it: if cooling down, count one cooldown epoch off and reset the count of bad epochs.
 * Then, if the metric improved on the best by more than minDelta ({@code metric < best - minDelta}
 * in MIN mode, {@code metric > best + minDelta} in MAX mode), it becomes the best and the count
 * resets; otherwise, unless still cooling down, the count grows, and once it reaches patience a
 * rate above minLr becomes {@code max(lr * factor, minLr)}, the cooldown starts and the count
 * resets. A NaN metric never improves. Keras's {@code mode="auto"} (guessing from the metric's
 * name) has no equivalent: choose the mode.
 *
 * <p>{@link #state()} and {@link #restore} carry the counters across a checkpoint; the rate itself
 * is in the optimizer's state.
 */
public final class ReduceLrOnPlateau {

    /** Whether lower (a loss) or higher (an accuracy) metric values are better. */
    public enum Mode { MIN, MAX }

    /**
     * The settings.
     *
     * @param mode     {@link Mode#MIN} (default) or {@link Mode#MAX}
     * @param factor   the rate is multiplied by it, in (0, 1); default 0.1
     * @param patience epochs without improvement before a reduction, &gt;= 0; default 10
     * @param minDelta smallest change that counts as an improvement, &gt;= 0; default 1e-4
     * @param cooldown epochs after a reduction during which waiting is suspended, &gt;= 0; default 0
     * @param minLr    lower bound on the rate, &gt;= 0; default 0
     */
    public record Config(Mode mode, double factor, int patience, double minDelta, int cooldown, double minLr) {
        public Config {
            if (mode == null) {
                throw new IllegalArgumentException("ReduceLrOnPlateau: mode must be MIN or MAX but got null");
            }
            Check.inOpenRange("ReduceLrOnPlateau", "factor", factor, 0, 1);
            Check.nonNegative("ReduceLrOnPlateau", "patience", patience);
            Check.nonNegative("ReduceLrOnPlateau", "minDelta", minDelta);
            Check.nonNegative("ReduceLrOnPlateau", "cooldown", cooldown);
            Check.nonNegative("ReduceLrOnPlateau", "minLr", minLr);
        }

        /** Keras's defaults: MIN, factor 0.1, patience 10, minDelta 1e-4, cooldown 0, minLr 0. */
        public static Config defaults() {
            return new Config(Mode.MIN, 0.1, 10, 1e-4, 0, 0.0);
        }

        public Config withMode(Mode mode) {
            return new Config(mode, factor, patience, minDelta, cooldown, minLr);
        }

        public Config withFactor(double factor) {
            return new Config(mode, factor, patience, minDelta, cooldown, minLr);
        }

        public Config withPatience(int patience) {
            return new Config(mode, factor, patience, minDelta, cooldown, minLr);
        }

        public Config withMinDelta(double minDelta) {
            return new Config(mode, factor, patience, minDelta, cooldown, minLr);
        }

        public Config withCooldown(int cooldown) {
            return new Config(mode, factor, patience, minDelta, cooldown, minLr);
        }

        public Config withMinLr(double minLr) {
            return new Config(mode, factor, patience, minDelta, cooldown, minLr);
        }
    }

    /**
     * The counters, for checkpoints.
     *
     * @param best            best metric so far (+infinity in MIN mode and -infinity in MAX mode before the first)
     * @param badEpochs       epochs without improvement since the last improvement or reduction, &gt;= 0
     *                        (Keras's {@code wait}, PyTorch's {@code num_bad_epochs})
     * @param cooldownCounter cooldown epochs left, &gt;= 0
     */
    public record State(double best, int badEpochs, int cooldownCounter) {
        public State {
            if (Double.isNaN(best)) {
                throw new IllegalArgumentException("ReduceLrOnPlateau.State: best must be a number or an infinity but got NaN");
            }
            Check.nonNegative("ReduceLrOnPlateau.State", "badEpochs", badEpochs);
            Check.nonNegative("ReduceLrOnPlateau.State", "cooldownCounter", cooldownCounter);
        }
    }

    private final Config config;
    private double best;
    private int badEpochs;
    private int cooldownCounter;

    public ReduceLrOnPlateau(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.best = config.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public Config config() {
        return config;
    }

    /** Takes one epoch's metric and the current rate; returns the rate for the next epoch. */
    public double update(double metric, double learningRate) {
        Check.nonNegative("ReduceLrOnPlateau.update", "learningRate", learningRate);
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (improves(metric)) {
            best = metric;
            badEpochs = 0;
        } else if (cooldownCounter == 0) {
            badEpochs++;
            if (badEpochs >= config.patience() && learningRate > config.minLr()) {
                learningRate = Math.max(learningRate * config.factor(), config.minLr());
                cooldownCounter = config.cooldown();
                badEpochs = 0;
            }
        }
        return learningRate;
    }

    private boolean improves(double metric) {
        return config.mode() == Mode.MIN ? metric < best - config.minDelta() : metric > best + config.minDelta();
    }

    /** The counters now. */
    public State state() {
        return new State(best, badEpochs, cooldownCounter);
    }

    /** Continues from counters saved by {@link #state()}. */
    public void restore(State state) {
        best = state.best();
        badEpochs = state.badEpochs();
        cooldownCounter = state.cooldownCounter();
    }

    @Override
    public String toString() {
        return "ReduceLrOnPlateau(" + config + ", " + state() + ")";
    }
}
