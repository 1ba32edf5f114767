package dev.recur.optim;

import dev.recur.autodiff.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop (Hinton 2012), optionally centered (Graves 2013) and with momentum: Keras's
 * {@code RMSprop}, same update and defaults. For a weight w with gradient g:
 * <pre>
 * v = rho * v + (1 - rho) * g^2                         (slot "velocity")
 * UNCENTERED:  d = v + eps
 * CENTERED:    a = rho * a + (1 - rho) * g;  d = v - a^2 + eps    (slot "average_gradient")
 * step = lr * g / sqrt(d)
 * momentum == 0:  w = w - step
 * momentum &gt; 0:   m = momentum * m + step;  w = w - m          (slot "momentum")
 * </pre>
 *
 * <p>Where PyTorch differs: epsilon is added <em>outside</em> the square root
 * ({@code g / (sqrt(v) + eps)}), its momentum buffer holds {@code g / (sqrt(v) + eps)} and is
 * multiplied by the current lr, and its defaults are lr 0.01, alpha (rho) 0.99, eps 1e-8.
 *
 * @param learningRate lr, &gt; 0; default 0.001
 * @param rho          decay of the squared-gradient average, in [0, 1); default 0.9
 * @param momentum     in [0, 1); default 0
 * @param epsilon      eps, &gt; 0; default 1e-7
 * @param variant      {@link Variant#UNCENTERED} (default) or {@link Variant#CENTERED}
 */
public record RmsProp(double learningRate, double rho, double momentum, double epsilon, Variant variant)
        implements OptimizerConfig {

    /** Whether the denominator estimates the variance (centered) or the raw second moment. */
    public enum Variant { UNCENTERED, CENTERED }

    public RmsProp {
        Check.positive("RmsProp", "learningRate", learningRate);
        Check.inRange("RmsProp", "rho", rho, 0, 1);
        Check.inRange("RmsProp", "momentum", momentum, 0, 1);
        Check.positive("RmsProp", "epsilon", epsilon);
        if (variant == null) {
            throw new IllegalArgumentException("RmsProp: variant must be UNCENTERED or CENTERED but got null");
        }
    }

    /** Keras's defaults: lr 0.001, rho 0.9, no momentum, epsilon 1e-7, uncentered. */
    public static RmsProp defaults() {
        return new RmsProp(0.001, 0.9, 0.0, 1e-7, Variant.UNCENTERED);
    }

    public RmsProp withLearningRate(double learningRate) {
        return new RmsProp(learningRate, rho, momentum, epsilon, variant);
    }

    public RmsProp withRho(double rho) {
        return new RmsProp(learningRate, rho, momentum, epsilon, variant);
    }

    public RmsProp withMomentum(double momentum) {
        return new RmsProp(learningRate, rho, momentum, epsilon, variant);
    }

    public RmsProp withEpsilon(double epsilon) {
        return new RmsProp(learningRate, rho, momentum, epsilon, variant);
    }

    public RmsProp withVariant(Variant variant) {
        return new RmsProp(learningRate, rho, momentum, epsilon, variant);
    }

    @Override
    public Optimizer build(List<? extends Parameter> parameters) {
        return new Optimizer(this, new Rule(this), parameters);
    }

    /** The update above, one pass per parameter. Slots: velocity, then momentum and average_gradient if used. */
    private static final class Rule implements UpdateRule {
        private final double rho;
        private final double momentum;
        private final double epsilon;
        private final List<String> slots;
        private final int m; // slot index of the momentum, or -1
        private final int a; // slot index of the average gradient, or -1

        Rule(RmsProp c) {
            rho = c.rho;
            momentum = c.momentum;
            epsilon = c.epsilon;
            List<String> names = new ArrayList<>(List.of("velocity"));
            m = momentum > 0 ? names.size() : -1;
            if (m >= 0) {
                names.add("momentum");
            }
            a = c.variant == Variant.CENTERED ? names.size() : -1;
            if (a >= 0) {
                names.add("average_gradient");
            }
            slots = List.copyOf(names);
        }

        @Override
        public List<String> slots() {
            return slots;
        }

        @Override
        public void update(int n, double lr, long t, float[] p, int pOff, float[] g, int gOff, float[][] s) {
            float rate = (float) lr;
            float r = (float) rho;
            float mu = (float) momentum;
            float eps = (float) epsilon;
            float[] v = s[0]; // [n]
            float[] mom = m >= 0 ? s[m] : null; // [n]
            float[] avg = a >= 0 ? s[a] : null; // [n]
            for (int i = 0; i < n; i++) {
                float gi = g[gOff + i];
                v[i] = r * v[i] + (1 - r) * gi * gi; // v = rho * v + (1 - rho) * g^2
                float d;
                if (avg == null) {
                    d = v[i] + eps;
                } else {
                    avg[i] = r * avg[i] + (1 - r) * gi; // a = rho * a + (1 - rho) * g
                    d = v[i] - avg[i] * avg[i] + eps;
                }
                float step = rate * gi / (float) Math.sqrt(d);
                if (mom == null) {
                    p[pOff + i] -= step;
                } else {
                    mom[i] = mu * mom[i] + step; // m = momentum * m + step
                    p[pOff + i] -= mom[i];
                }
            }
        }

        @Override
        public void update(int n, double lr, long t, double[] p, int pOff, double[] g, int gOff, double[][] s) {
            double r = rho;
            double mu = momentum;
            double[] v = s[0]; // [n]
            double[] mom = m >= 0 ? s[m] : null; // [n]
            double[] avg = a >= 0 ? s[a] : null; // [n]
            for (int i = 0; i < n; i++) {
                double gi = g[gOff + i];
                v[i] = r * v[i] + (1 - r) * gi * gi; // v = rho * v + (1 - rho) * g^2
                double d;
                if (avg == null) {
                    d = v[i] + epsilon;
                } else {
                    avg[i] = r * avg[i] + (1 - r) * gi; // a = rho * a + (1 - rho) * g
                    d = v[i] - avg[i] * avg[i] + epsilon;
                }
                double step = lr * gi / Math.sqrt(d);
                if (mom == null) {
                    p[pOff + i] -= step;
                } else {
                    mom[i] = mu * mom[i] + step; // m = momentum * m + step
                    p[pOff + i] -= mom[i];
                }
            }
        }
    }
}
