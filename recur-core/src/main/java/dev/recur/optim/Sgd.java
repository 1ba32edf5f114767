package dev.recur.optim;

import dev.recur.autodiff.Parameter;

import java.util.List;

/**
 * Stochastic gradient descent with optional momentum (classical or Nesterov) and decoupled
 * weight decay: Keras's {@code SGD}, same update and defaults. For a weight w with gradient g:
 * <pre>
 * w = w - lr * wd * w                       (only if weightDecay &gt; 0, applied first)
 * momentum == 0:  w = w - lr * g
 * CLASSICAL:      v = momentum * v - lr * g;   w = w + v
 * NESTEROV:       v = momentum * v - lr * g;   w = w + momentum * v - lr * g
 * </pre>
 *
 * <p>Where PyTorch differs: its buffer holds gradients, not steps ({@code b = momentum * b + g;
 * w -= lr * b}, Nesterov {@code w -= lr * (g + momentum * b)}). With a constant learning rate the
 * two are the same; when the rate changes, Keras's velocity keeps the old rate in its past
 * steps while PyTorch rescales the whole buffer. PyTorch's {@code weight_decay} adds
 * {@code wd * w} to the gradient (L2, which then passes through momentum); Keras and Recur
 * decay the weight directly, which only differs with momentum. PyTorch also rejects Nesterov
 * without momentum; Keras (and Recur) accept it, where it is plain gradient descent.
 *
 * @param learningRate lr, &gt; 0; default 0.01
 * @param momentum     in [0, 1); default 0 (plain gradient descent, no state)
 * @param variant      {@link Variant#CLASSICAL} (default) or {@link Variant#NESTEROV}
 * @param weightDecay  wd, &gt;= 0; default 0
 */
public record Sgd(double learningRate, double momentum, Variant variant, double weightDecay) implements OptimizerConfig {

    /** Which momentum: Sutskever et al. (2013) call them classical momentum and Nesterov's accelerated gradient. */
    public enum Variant { CLASSICAL, NESTEROV }

    public Sgd {
        Check.positive("Sgd", "learningRate", learningRate);
        Check.inRange("Sgd", "momentum", momentum, 0, 1);
        if (variant == null) {
            throw new IllegalArgumentException("Sgd: variant must be CLASSICAL or NESTEROV but got null");
        }
        Check.nonNegative("Sgd", "weightDecay", weightDecay);
    }

    /** Keras's defaults: lr 0.01, no momentum, no weight decay. */
    public static Sgd defaults() {
        return new Sgd(0.01, 0.0, Variant.CLASSICAL, 0.0);
    }

    public Sgd withLearningRate(double learningRate) {
        return new Sgd(learningRate, momentum, variant, weightDecay);
    }

    public Sgd withMomentum(double momentum) {
        return new Sgd(learningRate, momentum, variant, weightDecay);
    }

    public Sgd withVariant(Variant variant) {
        return new Sgd(learningRate, momentum, variant, weightDecay);
    }

    public Sgd withWeightDecay(double weightDecay) {
        return new Sgd(learningRate, momentum, variant, weightDecay);
    }

    @Override
    public Optimizer build(List<? extends Parameter> parameters) {
        return new Optimizer(this, new Rule(momentum, variant == Variant.NESTEROV, weightDecay), parameters);
    }

    /** The update above, one pass per parameter. */
    private record Rule(double momentum, boolean nesterov, double weightDecay) implements UpdateRule {

        @Override
        public List<String> slots() {
            return momentum > 0 ? List.of("momentum") : List.of(); // Keras keeps no state without momentum
        }

        @Override
        public void update(int n, double lr, long t, float[] p, int pOff, float[] g, int gOff, float[][] s) {
            float rate = (float) lr;
            float mu = (float) momentum;
            float decay = (float) (lr * weightDecay);
            float[] v = momentum > 0 ? s[0] : null; // [n], the velocity (Keras's "momentum" slot)
            for (int i = 0; i < n; i++) {
                float w = p[pOff + i];
                float gi = g[gOff + i];
                if (decay != 0f) {
                    w -= w * decay; // w = w - lr * wd * w
                }
                if (v == null) {
                    w -= rate * gi; // w = w - lr * g
                } else {
                    v[i] = mu * v[i] - rate * gi; // v = momentum * v - lr * g
                    w += nesterov ? mu * v[i] - rate * gi : v[i];
                }
                p[pOff + i] = w;
            }
        }

        @Override
        public void update(int n, double lr, long t, double[] p, int pOff, double[] g, int gOff, double[][] s) {
            double mu = momentum;
            double decay = lr * weightDecay;
            double[] v = momentum > 0 ? s[0] : null; // [n], the velocity (Keras's "momentum" slot)
            for (int i = 0; i < n; i++) {
                double w = p[pOff + i];
                double gi = g[gOff + i];
                if (decay != 0) {
                    w -= w * decay; // w = w - lr * wd * w
                }
                if (v == null) {
                    w -= lr * gi; // w = w - lr * g
                } else {
                    v[i] = mu * v[i] - lr * gi; // v = momentum * v - lr * g
                    w += nesterov ? mu * v[i] - lr * gi : v[i];
                }
                p[pOff + i] = w;
            }
        }
    }
}
