package dev.recur.data.series;

import dev.recur.tensor.Tensor;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The synthetic series of Géron, <i>Hands-On Machine Learning</i>, 2nd ed., ch. 15
 * ({@code generate_time_series}): each series is two sine waves of random frequency and phase
 * plus uniform noise,
 * <pre>
 *   x(t) = 0.5 sin((t - o1)(10 f1 + 10)) + 0.2 sin((t - o2)(20 f2 + 20)) + 0.1 (u - 0.5)
 * </pre>
 * with {@code t} evenly spaced on [0, 1] ({@code np.linspace(0, 1, steps)}), {@code f1, f2,
 * o1, o2} uniform in [0, 1) per series and {@code u} uniform in [0, 1) per point, so every value
 * lies in [-0.75, 0.75]. Numbers are drawn in NumPy's order (all {@code f1}, all {@code f2}, all
 * {@code o1}, all {@code o2}, then the noise row by row), from a Java generator, so the values
 * differ from NumPy's but follow the same law.
 */
public final class SyntheticSeries {

    /** The generator algorithm {@link #generate(int, int, long)} seeds; fixed so a seed means the same data in every release. */
    public static final String ALGORITHM = "L64X128MixRandom";

    private SyntheticSeries() {
    }

    /** {@code batch} series of {@code steps} points from a generator seeded with {@code seed}. */
    public static Tensor generate(int batch, int steps, long seed) { // -> [batch, steps, 1]
        return generate(batch, steps, RandomGeneratorFactory.of(ALGORITHM).create(seed));
    }

    /** {@code batch} series of {@code steps} points, drawing from {@code rng}. */
    public static Tensor generate(int batch, int steps, RandomGenerator rng) { // -> [batch, steps, 1]
        if (batch < 1 || steps < 1) {
            throw new IllegalArgumentException("SyntheticSeries.generate: batch and steps must be at least 1; got batch="
                    + batch + ", steps=" + steps);
        }
        double[] f1 = draw(rng, batch);
        double[] f2 = draw(rng, batch);
        double[] o1 = draw(rng, batch);
        double[] o2 = draw(rng, batch);
        float[] out = new float[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < steps; i++) {
                double t = steps == 1 ? 0 : (double) i / (steps - 1);
                double x = 0.5 * Math.sin((t - o1[b]) * (f1[b] * 10 + 10))
                        + 0.2 * Math.sin((t - o2[b]) * (f2[b] * 20 + 20))
                        + 0.1 * (rng.nextDouble() - 0.5);
                out[b * steps + i] = (float) x;
            }
        }
        return Tensor.of(out, batch, steps, 1);
    }

    private static double[] draw(RandomGenerator rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble();
        }
        return v;
    }
}
