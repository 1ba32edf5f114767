package dev.recur.optim;

/**
 * Cosine decay with optional linear warmup, Keras's {@code CosineDecay} (Loshchilov and Hutter's
 * SGDR without restarts; warmup as in Goyal et al.):
 * <pre>
 * s = min(step, warmupSteps + decaySteps)
 * s &lt; warmupSteps:  lr = initialLearningRate + (warmupTarget - initialLearningRate) * s / warmupSteps
 * otherwise:        lr = warmupTarget * ((1 - alpha) * 0.5 * (1 + cos(pi * (s - warmupSteps) / decaySteps)) + alpha)
 * </pre>
 * Without warmup ({@link #of}), warmupSteps is 0 and warmupTarget equals initialLearningRate: the
 * rate falls from initialLearningRate to {@code alpha * initialLearningRate} over decaySteps and
 * stays there. With warmup it rises linearly from initialLearningRate (often 0) to warmupTarget,
 * then falls to {@code alpha * warmupTarget}. PyTorch's {@code CosineAnnealingLR(T_max, eta_min)}
 * is the no-warmup case with {@code alpha = eta_min / lr}.
 *
 * @param initialLearningRate &gt;= 0
 * @param decaySteps          &gt; 0
 * @param alpha               final rate as a fraction of the peak, in [0, 1]; default 0
 * @param warmupSteps         &gt;= 0; default 0
 * @param warmupTarget        the peak rate reached after warmup, &gt;= 0
 */
public record CosineDecay(double initialLearningRate, int decaySteps, double alpha, int warmupSteps,
                          double warmupTarget) implements LearningRateSchedule {

    public CosineDecay {
        Check.nonNegative("CosineDecay", "initialLearningRate", initialLearningRate);
        Check.positive("CosineDecay", "decaySteps", decaySteps);
        Check.inClosedRange("CosineDecay", "alpha", alpha, 0, 1);
        Check.nonNegative("CosineDecay", "warmupSteps", warmupSteps);
        Check.nonNegative("CosineDecay", "warmupTarget", warmupTarget);
    }

    /** Decay from {@code initialLearningRate} to 0 over {@code decaySteps}, no warmup (Keras's defaults). */
    public static CosineDecay of(double initialLearningRate, int decaySteps) {
        return new CosineDecay(initialLearningRate, decaySteps, 0.0, 0, initialLearningRate);
    }

    /** The same schedule ending at {@code alpha} times its peak. */
    public CosineDecay withAlpha(double alpha) {
        return new CosineDecay(initialLearningRate, decaySteps, alpha, warmupSteps, warmupTarget);
    }

    /** The same schedule preceded by a linear warmup from initialLearningRate to {@code target}. */
    public CosineDecay withWarmup(int steps, double target) {
        return new CosineDecay(initialLearningRate, decaySteps, alpha, steps, target);
    }

    @Override
    public double lr(int step) {
        Check.nonNegative("CosineDecay", "step", step);
        double s = Math.min(step, (double) warmupSteps + decaySteps);
        if (s < warmupSteps) {
            return initialLearningRate + (warmupTarget - initialLearningRate) * s / warmupSteps;
        }
        double cosine = 0.5 * (1 + Math.cos(Math.PI * (s - warmupSteps) / decaySteps));
        return warmupTarget * ((1 - alpha) * cosine + alpha);
    }
}
