package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * Gradient clipping, applied in place between {@code backward()} and {@link Optimizer#step()}
 * (Keras's optimizer arguments {@code clipvalue}, {@code clipnorm}, {@code global_clipnorm}):
 * <pre>{@code
 * double norm = GradientClipping.byGlobalNorm(1.0).clip(opt.parameters());
 * if (!Double.isFinite(norm)) { ... skip the step or stop: the gradients are NaN or infinite }
 * }</pre>
 *
 * <p>Every mode returns the global L2 norm of all gradients <em>before</em> clipping (what
 * {@code torch.nn.utils.clip_grad_norm_} returns; worth logging). Norms are summed in double in
 * a fixed order. A NaN or infinite norm is reported, never hidden: the gradients it concerns are
 * left unchanged (TensorFlow turns them all into NaN, PyTorch scales an infinite one to zero) and
 * the returned norm is NaN or infinite. Parameters without a gradient are skipped.
 */
public sealed interface GradientClipping {

    /** Clips the gradients of these parameters in place; returns their global norm before clipping. */
    double clip(List<? extends Parameter> parameters);

    /** Each element clipped to [-limit, limit] ({@code clipvalue}, {@code clip_grad_value_}); NaN stays NaN. */
    static ByValue byValue(double limit) {
        return new ByValue(limit);
    }

    /** Each parameter's gradient scaled by {@code maxNorm / max(norm, maxNorm)} ({@code clipnorm}, {@code tf.clip_by_norm}). */
    static ByNorm byNorm(double maxNorm) {
        return new ByNorm(maxNorm);
    }

    /**
     * All gradients scaled together by {@code maxNorm / max(globalNorm, maxNorm)}
     * ({@code global_clipnorm}, {@code tf.clip_by_global_norm}; PyTorch's {@code clip_grad_norm_}
     * divides by {@code norm + 1e-6} instead).
     */
    static ByGlobalNorm byGlobalNorm(double maxNorm) {
        return new ByGlobalNorm(maxNorm);
    }

    /** The L2 norm of all gradients taken together, as if concatenated into one vector. */
    static double globalNorm(List<? extends Parameter> parameters) {
        double sumSquares = 0;
        for (Parameter p : parameters) {
            if (p.hasGrad()) {
                sumSquares += sumOfSquares(p.grad());
            }
        }
        return Math.sqrt(sumSquares);
    }

    /** Clipping by value. */
    record ByValue(double limit) implements GradientClipping {
        public ByValue {
            Check.positive("GradientClipping.byValue", "limit", limit);
        }

        @Override
        public double clip(List<? extends Parameter> parameters) {
            double norm = globalNorm(parameters);
            for (Parameter p : parameters) {
                if (!p.hasGrad()) {
                    continue;
                }
                Tensor g = p.grad();
                int n = g.size();
                int off = g.offset();
                if (g.dtype() == DType.FLOAT32) {
                    float[] x = g.floats();
                    float hi = (float) limit;
                    for (int i = off; i < off + n; i++) {
                        x[i] = Math.min(Math.max(x[i], -hi), hi);
                    }
                } else {
                    double[] x = g.doubles();
                    for (int i = off; i < off + n; i++) {
                        x[i] = Math.min(Math.max(x[i], -limit), limit);
                    }
                }
            }
            return norm;
        }
    }

    /** Clipping each parameter's gradient by its own norm. */
    record ByNorm(double maxNorm) implements GradientClipping {
        public ByNorm {
            Check.positive("GradientClipping.byNorm", "maxNorm", maxNorm);
        }

        @Override
        public double clip(List<? extends Parameter> parameters) {
            double sumSquares = 0;
            for (Parameter p : parameters) {
                if (p.hasGrad()) {
                    double s = sumOfSquares(p.grad());
                    sumSquares += s;
                    scale(p.grad(), maxNorm, Math.sqrt(s));
                }
            }
            return Math.sqrt(sumSquares);
        }
    }

    /** Clipping all gradients together by their global norm. */
    record ByGlobalNorm(double maxNorm) implements GradientClipping {
        public ByGlobalNorm {
            Check.positive("GradientClipping.byGlobalNorm", "maxNorm", maxNorm);
        }

        @Override
        public double clip(List<? extends Parameter> parameters) {
            double norm = globalNorm(parameters);
            for (Parameter p : parameters) {
                if (p.hasGrad()) {
                    scale(p.grad(), maxNorm, norm);
                }
            }
            return norm;
        }
    }

    private static double sumOfSquares(Tensor g) {
        int n = g.size();
        int off = g.offset();
        double s = 0;
        if (g.dtype() == DType.FLOAT32) {
            float[] x = g.floats();
            for (int i = off; i < off + n; i++) {
                s += (double) x[i] * x[i];
            }
        } else {
            double[] x = g.doubles();
            for (int i = off; i < off + n; i++) {
                s += x[i] * x[i];
            }
        }
        return s;
    }

    /** g *= maxNorm / norm when norm &gt; maxNorm; untouched when below (bit for bit) or not finite. */
    private static void scale(Tensor g, double maxNorm, double norm) {
        if (!(norm > maxNorm) || !Double.isFinite(norm)) {
            return;
        }
        double factor = maxNorm / norm;
        int n = g.size();
        int off = g.offset();
        if (g.dtype() == DType.FLOAT32) {
            float[] x = g.floats();
            float f = (float) factor;
            for (int i = off; i < off + n; i++) {
                x[i] *= f;
            }
        } else {
            double[] x = g.doubles();
            for (int i = off; i < off + n; i++) {
                x[i] *= factor;
            }
        }
    }
}
