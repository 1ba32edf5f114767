package dev.recur.optim;

import dev.recur.autodiff.Parameter;

import java.util.List;

/**
 * AdamW (Loshchilov and Hutter, 2019): {@link Adam} with decoupled weight decay, Keras's
 * {@code AdamW}, same update and defaults. Each step first shrinks the weight, then applies
 * Adam's update (which does not depend on w, so the order only matters for rounding):
 * <pre>
 * w = w - lr * wd * w
 * w = w - alpha * m / (sqrt(v') + eps)        (exactly as in {@link Adam})
 * </pre>
 * The decay is not part of the gradient, so it does not pass through the moments (that is the
 * difference from L2 regularization). PyTorch's {@code AdamW} decays the same way
 * ({@code w *= 1 - lr * wd}) with default wd 0.01 and Adam's PyTorch epsilon placement.
 *
 * @param learningRate lr, &gt; 0; default 0.001
 * @param weightDecay  wd, &gt;= 0; default 0.004 (Keras)
 * @param beta1        in [0, 1); default 0.9
 * @param beta2        in [0, 1); default 0.999
 * @param epsilon      &gt; 0; default 1e-7
 * @param variant      {@link Adam.Variant#ADAM} (default) or {@link Adam.Variant#AMSGRAD}
 */
public record AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon,
                    Adam.Variant variant) implements OptimizerConfig {

    public AdamW {
        Adam.checkMoments("AdamW", learningRate, beta1, beta2, epsilon, variant);
        Check.nonNegative("AdamW", "weightDecay", weightDecay);
    }

    /** Keras's defaults: lr 0.001, weight decay 0.004, beta1 0.9, beta2 0.999, epsilon 1e-7, no AMSGrad. */
    public static AdamW defaults() {
        return new AdamW(0.001, 0.004, 0.9, 0.999, 1e-7, Adam.Variant.ADAM);
    }

    public AdamW withLearningRate(double learningRate) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon, variant);
    }

    public AdamW withWeightDecay(double weightDecay) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon, variant);
    }

    public AdamW withBeta1(double beta1) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon, variant);
    }

    public AdamW withBeta2(double beta2) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon, variant);
    }

    public AdamW withEpsilon(double epsilon) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon, variant);
    }

    public AdamW withVariant(Adam.Variant variant) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon, variant);
    }

    @Override
    public Optimizer build(List<? extends Parameter> parameters) {
        var rule = new Adam.Rule(beta1, beta2, epsilon, variant == Adam.Variant.AMSGRAD, weightDecay);
        return new Optimizer(this, rule, parameters);
    }
}
