package dev.recur.inference;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Picks the next token from one row of a model's output: its logits {@code [vocab]}
 * (log-probabilities up to a constant; a softmax output goes through {@link #logitsOf} first).
 *
 * <ul>
 *   <li>{@link #greedy()}: the arg-max (the first on ties), no randomness.</li>
 *   <li>{@link #temperature(double)}: softmax of {@code logits / T}; {@code T -> 0} tends to
 *       greedy, {@code T = 1} is the model's distribution, {@code T > 1} flattens it.</li>
 *   <li>{@link Stochastic#withTopK(int)}: only the k most likely tokens stay (ties at the k-th
 *       value broken by lower index).</li>
 *   <li>{@link Stochastic#withTopP(double)}: nucleus sampling (Holtzman et al. 2019): the
 *       smallest set of most likely tokens whose probability (after temperature and top-k)
 *       reaches p stays.</li>
 * </ul>
 * The kept tokens are renormalised and one is drawn with the caller's generator, so a seeded
 * generator gives a reproducible sequence.
 *
 * <pre>{@code
 * Sampler s = Sampler.temperature(0.8).withTopK(40).withTopP(0.95);
 * int next = s.sample(logits, new SplittableRandom(seed));
 * }</pre>
 */
public sealed interface Sampler permits Sampler.Greedy, Sampler.Stochastic {

    /** The index of the next token, drawn from {@code logits} // [vocab]. */
    int sample(float[] logits, RandomGenerator random);

    /**
     * The distribution {@link #sample} draws from: a probability per token, 0 for the tokens cut
     * off, summing to 1 (greedy: 1 at the arg-max).
     */
    double[] distribution(float[] logits);

    /** Always the most likely token. */
    static Greedy greedy() {
        return new Greedy();
    }

    /** Sampling from {@code softmax(logits / temperature)}, over the whole vocabulary. */
    static Stochastic temperature(double temperature) {
        return new Stochastic(temperature, Stochastic.ALL, 1.0);
    }

    /** Logits of a probability row (a softmax output): {@code log p}, with {@code -inf} for 0. */
    static float[] logitsOf(float[] probabilities) {
        float[] out = new float[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.log(probabilities[i]);
        }
        return out;
    }

    /** The arg-max. */
    record Greedy() implements Sampler {
        @Override
        public int sample(float[] logits, RandomGenerator random) {
            checkRow(logits);
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }

        @Override
        public double[] distribution(float[] logits) {
            double[] p = new double[logits.length];
            p[sample(logits, null)] = 1;
            return p;
        }
    }

    /**
     * Temperature sampling with optional top-k and top-p cut-offs.
     *
     * @param temperature &gt; 0
     * @param topK        the number of most likely tokens kept, &gt;= 1; {@link #ALL} for no cut-off
     * @param topP        the nucleus mass, in (0, 1]; 1 for no cut-off
     */
    record Stochastic(double temperature, int topK, double topP) implements Sampler {

        /** {@code topK} for "keep every token". */
        public static final int ALL = Integer.MAX_VALUE;

        public Stochastic {
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("Sampler: temperature must be a finite number > 0 but got "
                        + temperature + "; use Sampler.greedy() for the limit temperature -> 0");
            }
            if (topK < 1) {
                throw new IllegalArgumentException("Sampler: topK must be at least 1 but got " + topK
                        + "; it is the number of most likely tokens kept (1 is greedy)");
            }
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("Sampler: topP must be in (0, 1] but got " + topP
                        + "; it is the probability mass of the most likely tokens kept (1 keeps all)");
            }
        }

        public Stochastic withTopK(int k) {
            return new Stochastic(temperature, k, topP);
        }

        public Stochastic withTopP(double p) {
            return new Stochastic(temperature, topK, p);
        }

        @Override
        public int sample(float[] logits, RandomGenerator random) {
            double[] p = distribution(logits);
            double u = random.nextDouble();
            int last = -1;
            for (int i = 0; i < p.length; i++) {
                if (p[i] > 0) {
                    u -= p[i];
                    last = i;
                    if (u < 0) {
                        return i;
                    }
                }
            }
            return last; // rounding left u a hair above 0: the last kept token
        }

        @Override
        public double[] distribution(float[] logits) {
            checkRow(logits);
            int n = logits.length;
            Integer[] order = new Integer[n]; // token indices by decreasing logit, ties by index
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : a - b);
            int keep = Math.min(topK, n);
            double max = logits[order[0]];
            double[] p = new double[n];
            double sum = 0;
            for (int r = 0; r < keep; r++) {
                int i = order[r];
                p[i] = Math.exp((logits[i] - max) / temperature);
                sum += p[i];
            }
            double mass = 0;
            int kept = keep;
            for (int r = 0; r < keep; r++) {
                int i = order[r];
                p[i] /= sum;
                mass += p[i];
                if (mass >= topP) {
                    kept = r + 1;
                    break;
                }
            }
            double keptMass = 0;
            for (int r = 0; r < n; r++) {
                int i = order[r];
                if (r < kept) {
                    keptMass += p[i];
                } else {
                    p[i] = 0;
                }
            }
            for (int r = 0; r < kept; r++) {
                p[order[r]] /= keptMass;
            }
            return p;
        }
    }

    private static void checkRow(float[] logits) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("Sampler: the logits row is empty; it needs one value per token");
        }
        for (int i = 0; i < logits.length; i++) {
            if (Float.isNaN(logits[i]) || logits[i] == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("Sampler: logit " + i + " is " + logits[i]
                        + "; logits must be finite or -Infinity. Possible cause: the model diverged (NaN weights)");
            }
        }
    }
}
