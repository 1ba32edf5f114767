package dev.recur.optim;

import dev.recur.autodiff.Parameter;

import java.util.List;

/**
 * Adagrad (Duchi et al., 2011): Keras's {@code Adagrad}, same update and defaults. For a weight
 * w with gradient g:
 * <pre>
 * acc = acc + g^2                       (slot "accumulator", starts at initialAccumulatorValue)
 * w = w - lr * g / sqrt(acc + eps)
 * </pre>
 *
 * <p>Where PyTorch differs: epsilon is added outside the root ({@code g / (sqrt(acc) + eps)}),
 * the accumulator starts at 0, and the defaults are lr 0.01, eps 1e-10 (plus an optional
 * {@code lr_decay}, which Recur leaves to a {@link LearningRateSchedule}).
 *
 * @param learningRate            lr, &gt; 0; default 0.001 (the paper's form uses 1.0)
 * @param initialAccumulatorValue &gt;= 0; default 0.1
 * @param epsilon                 eps, &gt; 0; default 1e-7
 */
public record Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) implements OptimizerConfig {

    public Adagrad {
        Check.positive("Adagrad", "learningRate", learningRate);
        Check.nonNegative("Adagrad", "initialAccumulatorValue", initialAccumulatorValue);
        Check.positive("Adagrad", "epsilon", epsilon);
    }

    /** Keras's defaults: lr 0.001, initial accumulator 0.1, epsilon 1e-7. */
    public static Adagrad defaults() {
        return new Adagrad(0.001, 0.1, 1e-7);
    }

    public Adagrad withLearningRate(double learningRate) {
        return new Adagrad(learningRate, initialAccumulatorValue, epsilon);
    }

    public Adagrad withInitialAccumulatorValue(double initialAccumulatorValue) {
        return new Adagrad(learningRate, initialAccumulatorValue, epsilon);
    }

    public Adagrad withEpsilon(double epsilon) {
        return new Adagrad(learningRate, initialAccumulatorValue, epsilon);
    }

    @Override
    public Optimizer build(List<? extends Parameter> parameters) {
        return new Optimizer(this, new Rule(initialAccumulatorValue, epsilon), parameters);
    }

    /** The update above, one pass per parameter. */
    private record Rule(double initialAccumulatorValue, double epsilon) implements UpdateRule {

        @Override
        public List<String> slots() {
            return List.of("accumulator");
        }

        @Override
        public double initialValue(int slot) {
            return initialAccumulatorValue;
        }

        @Override
        public void update(int n, double lr, long t, float[] p, int pOff, float[] g, int gOff, float[][] s) {
            float rate = (float) lr;
            float eps = (float) epsilon;
            float[] acc = s[0]; // [n]
            for (int i = 0; i < n; i++) {
                float gi = g[gOff + i];
                acc[i] += gi * gi; // acc = acc + g^2
                p[pOff + i] -= rate * gi / (float) Math.sqrt(acc[i] + eps); // w = w - lr * g / sqrt(acc + eps)
            }
        }

        @Override
        public void update(int n, double lr, long t, double[] p, int pOff, double[] g, int gOff, double[][] s) {
            double[] acc = s[0]; // [n]
            for (int i = 0; i < n; i++) {
                double gi = g[gOff + i];
                acc[i] += gi * gi; // acc = acc + g^2
                p[pOff + i] -= lr * gi / Math.sqrt(acc[i] + epsilon); // w = w - lr * g / sqrt(acc + eps)
            }
        }
    }
}
