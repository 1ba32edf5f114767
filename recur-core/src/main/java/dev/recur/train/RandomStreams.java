package dev.recur.train;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Every random stream of a training run, derived from one seed and counters, never from a
 * generator's running state: weight initialization from {@code (seed, INIT)}, the shuffle of epoch
 * {@code e} from {@code (seed, SHUFFLE, e)}, dropout masks of batch {@code b} in epoch {@code e}
 * from {@code (seed, DROPOUT, e, b)}.
 *
 * <p>So a run is reproducible bit for bit, and a run resumed from a checkpoint needs only the
 * epoch and batch counters to draw exactly what the uninterrupted run would have drawn. The
 * counters are mixed into a 64-bit key with SplitMix64's finalizer (a bijection with full
 * avalanche, so neighbouring counters give unrelated keys), and the key seeds an
 * {@code L64X128MixRandom}, whose algorithm the JDK fixes by name. Nothing depends on the thread
 * count: streams are consumed on the training thread, in order.
 */
public final class RandomStreams {

    /** What a stream is for; each purpose has a fixed constant, so that reordering cannot change a run. */
    public enum Purpose {
        INIT(0x1A2B3C4D5E6F7081L),
        SHUFFLE(0x5DEECE66DL),
        DROPOUT(0x2545F4914F6CDD1DL);

        private final long constant;

        Purpose(long constant) {
            this.constant = constant;
        }
    }

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream that initializes the weights. */
    public RandomGenerator init() {
        return stream(Purpose.INIT);
    }

    /** The stream that shuffles the samples of {@code epoch} (0-based). */
    public RandomGenerator shuffle(int epoch) {
        return stream(Purpose.SHUFFLE, epoch);
    }

    /** The stream of dropout masks for batch {@code batch} (0-based) of {@code epoch} (0-based). */
    public RandomGenerator dropout(int epoch, int batch) {
        return stream(Purpose.DROPOUT, epoch, batch);
    }

    /** A fresh generator for this purpose and these counters. */
    public RandomGenerator stream(Purpose purpose, long... counters) {
        long key = mix(seed ^ purpose.constant);
        for (long c : counters) {
            key = mix(key + GOLDEN * (c + 1));
        }
        return FACTORY.create(key);
    }

    /** A permutation of 0..n-1 (Fisher-Yates) drawn from {@link #shuffle(int)}. */
    public int[] permutation(int epoch, int n) {
        RandomGenerator rng = shuffle(epoch);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** SplitMix64's finalizer (Steele, Lea and Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
