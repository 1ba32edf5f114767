package dev.recur.nn;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a layer call needs besides its input: the mode and the random generator that dropout
 * draws from (seeded by the training run, so that a seed reproduces the run).
 *
 * @param mode training or inference
 * @param rng  randomness for dropout masks; unused in inference
 */
public record Context(Mode mode, RandomGenerator rng) {

    public Context {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rng, "rng");
    }

    /** Inference: no dropout, no randomness needed. */
    public static Context inference() {
        return new Context(Mode.INFER, new SplittableRandom(0));
    }

    /** Training with dropout masks drawn from {@code rng}. */
    public static Context training(RandomGenerator rng) {
        return new Context(Mode.TRAIN, rng);
    }

    public boolean training() {
        return mode == Mode.TRAIN;
    }
}
