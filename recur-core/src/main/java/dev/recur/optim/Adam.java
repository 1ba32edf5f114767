package dev.recur.optim;

import dev.recur.autodiff.Parameter;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2014), optionally AMSGrad (Reddi et al., 2018): Keras's {@code Adam},
 * same update and defaults. At step t (1-based) for a weight w with gradient g:
 * <pre>
 * m = beta1 * m + (1 - beta1) * g                  (slot "momentum")
 * v = beta2 * v + (1 - beta2) * g^2                (slot "velocity")
 * AMSGRAD:  vHat = max(vHat, v);  v' = vHat        (slot "velocity_hat"; otherwise v' = v)
 * alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * w = w - alpha * m / (sqrt(v') + eps)
 * </pre>
 *
 * <p>Where PyTorch differs: it adds epsilon to the bias-corrected root,
 * {@code w -= lr / (1 - beta1^t) * m / (sqrt(v') / sqrt(1 - beta2^t) + eps)}, so Keras's eps
 * (the paper's "epsilon hat", before its Section 2.1) equals PyTorch's eps times
 * {@code sqrt(1 - beta2^t)}; and PyTorch's default eps is 1e-8, Keras's 1e-7. Both skip a
 * missing gradient; Keras (and Recur) count steps globally, PyTorch per parameter.
 *
 * @param learningRate lr, &gt; 0; default 0.001
 * @param beta1        decay of the first moment, in [0, 1); default 0.9
 * @param beta2        decay of the second moment, in [0, 1); default 0.999
 * @param epsilon      eps, &gt; 0; default 1e-7
 * @param variant      {@link Variant#ADAM} (default) or {@link Variant#AMSGRAD}
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, Variant variant)
        implements OptimizerConfig {

    /** Plain Adam, or AMSGrad (the running maximum of the second moment). */
    public enum Variant { ADAM, AMSGRAD }

    public Adam {
        checkMoments("Adam", learningRate, beta1, beta2, epsilon, variant);
    }

    static void checkMoments(String owner, double learningRate, double beta1, double beta2, double epsilon,
                             Variant variant) {
        Check.positive(owner, "learningRate", learningRate);
        Check.inRange(owner, "beta1", beta1, 0, 1);
        Check.inRange(owner, "beta2", beta2, 0, 1);
        Check.positive(owner, "epsilon", epsilon);
        if (variant == null) {
            throw new IllegalArgumentException(owner + ": variant must be ADAM or AMSGRAD but got null");
        }
    }

    /** Keras's defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7, no AMSGrad. */
    public static Adam defaults() {
        return new Adam(0.001, 0.9, 0.999, 1e-7, Variant.ADAM);
    }

    public Adam withLearningRate(double learningRate) {
        return new Adam(learningRate, beta1, beta2, epsilon, variant);
    }

    public Adam withBeta1(double beta1) {
        return new Adam(learningRate, beta1, beta2, epsilon, variant);
    }

    public Adam withBeta2(double beta2) {
        return new Adam(learningRate, beta1, beta2, epsilon, variant);
    }

    public Adam withEpsilon(double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon, variant);
    }

    public Adam withVariant(Variant variant) {
        return new Adam(learningRate, beta1, beta2, epsilon, variant);
    }

    @Override
    public Optimizer build(List<? extends Parameter> parameters) {
        return new Optimizer(this, new Rule(beta1, beta2, epsilon, variant == Variant.AMSGRAD, 0.0), parameters);
    }

    /** The update above, preceded by decoupled weight decay {@code w = w - lr * wd * w} when wd &gt; 0 (AdamW). */
    record Rule(double beta1, double beta2, double epsilon, boolean amsgrad, double weightDecay) implements UpdateRule {

        @Override
        public List<String> slots() {
            return amsgrad ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
        }

        /** The step size after bias correction: lr * sqrt(1 - beta2^t) / (1 - beta1^t). */
        private double alpha(double lr, long t) {
            return lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        }

        @Override
        public void update(int n, double lr, long t, float[] p, int pOff, float[] g, int gOff, float[][] s) {
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float eps = (float) epsilon;
            float alpha = (float) alpha(lr, t);
            float decay = (float) (lr * weightDecay);
            float[] m = s[0]; // [n]
            float[] v = s[1]; // [n]
            float[] vHat = amsgrad ? s[2] : null; // [n]
            for (int i = 0; i < n; i++) {
                float gi = g[gOff + i];
                float w = p[pOff + i];
                if (decay != 0f) {
                    w -= w * decay; // w = w - lr * wd * w
                }
                m[i] = b1 * m[i] + (1 - b1) * gi; // m = beta1 * m + (1 - beta1) * g
                v[i] = b2 * v[i] + (1 - b2) * gi * gi; // v = beta2 * v + (1 - beta2) * g^2
                float vi = v[i];
                if (vHat != null) {
                    vi = vHat[i] = Math.max(vHat[i], vi); // vHat = max(vHat, v)
                }
                p[pOff + i] = w - alpha * m[i] / ((float) Math.sqrt(vi) + eps);
            }
        }

        @Override
        public void update(int n, double lr, long t, double[] p, int pOff, double[] g, int gOff, double[][] s) {
            double alpha = alpha(lr, t);
            double decay = lr * weightDecay;
            double[] m = s[0]; // [n]
            double[] v = s[1]; // [n]
            double[] vHat = amsgrad ? s[2] : null; // [n]
            for (int i = 0; i < n; i++) {
                double gi = g[gOff + i];
                double w = p[pOff + i];
                if (decay != 0) {
                    w -= w * decay; // w = w - lr * wd * w
                }
                m[i] = beta1 * m[i] + (1 - beta1) * gi; // m = beta1 * m + (1 - beta1) * g
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi; // v = beta2 * v + (1 - beta2) * g^2
                double vi = v[i];
                if (vHat != null) {
                    vi = vHat[i] = Math.max(vHat[i], vi); // vHat = max(vHat, v)
                }
                p[pOff + i] = w - alpha * m[i] / (Math.sqrt(vi) + epsilon);
            }
        }
    }
}
