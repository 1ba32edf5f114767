package dev.recur.loss;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.kernel.Backend;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Parallel;
import dev.recur.kernel.Unary;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * Softmax cross-entropy of logits against class indices, fused into one op over the
 * {@code [rows, classes]} logits (every position of {@code [batch]} or {@code [batch, time]} is a
 * row): the char-LM and classifier hot path, with 65 to 10,000 classes.
 *
 * <p>Forward, per row: {@code y[r] = w[r] * (logSumExp(x[r, :]) - x[r, t[r]])}, the weighted
 * negative log-probability of the target class, without materializing the log-softmax.
 * Backward, one pass per row: {@code dx[r, c] = g[r] * (softmax(x[r, :])[c] - [c == t[r]])},
 * {@code g[r] = w[r] * dy[r]}, the softmax recomputed as {@code exp(x - logSumExp)} from the
 * forward's saved row value. A row of weight 0 (masked or ignored) is never read: loss 0, gradient
 * 0, whatever its logits hold. Rows are split across threads, each row computed by one thread, so
 * results do not depend on the thread count.
 */
final class SparseSoftmaxCrossEntropy extends Op {

    private static final int ELEMENTS_PER_TASK = 16_384; // a row block's share of logits, for splitting

    private final Tensor x;          // [rows, classes] logits, dense (the input's value, or a copy)
    private final int[] targets;     // [rows] class per row, read only where the weight is not 0
    private final double[] weights;  // [rows]
    private final Tensor logSumExp;  // [rows] saved by the forward pass, the logits' type
    private final int rows;
    private final int classes;

    private SparseSoftmaxCrossEntropy(Variable logits, int[] targets, double[] weights) {
        super(logits);
        Tensor v = logits.value();
        this.classes = v.dim(-1);
        this.rows = targets.length;
        this.x = v.contiguous();
        this.targets = targets;
        this.weights = weights;
        this.logSumExp = Tensor.zeros(v.dtype(), rows);
    }

    /**
     * The weighted loss of each row, shaped like the logits without their last dimension.
     * {@code targets} must hold valid classes wherever {@code weights} is not 0 (the caller checks).
     */
    static Variable apply(Variable logits, int[] targets, double[] weights) {
        SparseSoftmaxCrossEntropy op = new SparseSoftmaxCrossEntropy(logits, targets.clone(), weights.clone());
        int[] shape = logits.value().shape();
        Tensor y = Tensor.zeros(logits.value().dtype(), Arrays.copyOf(shape, shape.length - 1));
        if (y.dtype() == DType.FLOAT32) {
            op.forward(op.x.floats(), op.x.offset(), op.logSumExp.floats(), y.floats());
        } else {
            op.forward(op.x.doubles(), op.x.offset(), op.logSumExp.doubles(), y.doubles());
        }
        return op.output(y);
    }

    private int grain() {
        return Math.max(1, ELEMENTS_PER_TASK / Math.max(classes, 1));
    }

    // y[r] = w[r] * (logSumExp(x[r, :]) - x[r, t[r]])
    private void forward(float[] xs, int xOff, float[] lse, float[] y) {
        Kernels k = Backend.kernels();
        Parallel.forRange(rows, grain(), (start, end) -> {
            for (int r = start; r < end; r++) {
                if (weights[r] != 0.0) {
                    int row = xOff + r * classes;
                    k.logSumExpRows(xs, row, lse, r, 1, classes);
                    y[r] = (float) (weights[r] * ((double) lse[r] - xs[row + targets[r]]));
                }
            }
        });
    }

    private void forward(double[] xs, int xOff, double[] lse, double[] y) {
        Kernels k = Backend.kernels();
        Parallel.forRange(rows, grain(), (start, end) -> {
            for (int r = start; r < end; r++) {
                if (weights[r] != 0.0) {
                    int row = xOff + r * classes;
                    k.logSumExpRows(xs, row, lse, r, 1, classes);
                    y[r] = weights[r] * (lse[r] - xs[row + targets[r]]);
                }
            }
        });
    }

    @Override
    protected void backward(Tensor dOut) {
        double[] g = new double[rows]; // g[r] = w[r] * dy[r]
        Tensor dy = dOut.contiguous();
        for (int r = 0; r < rows; r++) {
            g[r] = weights[r] == 0.0 ? 0.0 : weights[r] * dy.getFlat(r);
        }
        Tensor dx = Tensor.zeros(x.dtype(), input(0).value().shape());
        if (x.dtype() == DType.FLOAT32) {
            backward(g, x.floats(), x.offset(), logSumExp.floats(), dx.floats());
        } else {
            backward(g, x.doubles(), x.offset(), logSumExp.doubles(), dx.doubles());
        }
        accumulate(0, dx);
    }

    // dx[r, :] = g[r] * (exp(x[r, :] - logSumExp[r]) - onehot(t[r]))
    private void backward(double[] g, float[] xs, int xOff, float[] lse, float[] dx) {
        Kernels k = Backend.kernels();
        Parallel.forRange(rows, grain(), (start, end) -> {
            for (int r = start; r < end; r++) {
                if (g[r] == 0.0) {
                    continue; // masked, ignored, or no gradient from above: the row stays 0
                }
                int in = xOff + r * classes;
                int out = r * classes;
                float shift = lse[r];
                for (int c = 0; c < classes; c++) {
                    dx[out + c] = xs[in + c] - shift;
                }
                k.unary(Unary.EXP, dx, out, dx, out, classes); // the softmax row, in place
                float scale = (float) g[r];
                for (int c = 0; c < classes; c++) {
                    dx[out + c] *= scale;
                }
                dx[out + targets[r]] -= scale;
            }
        });
    }

    private void backward(double[] g, double[] xs, int xOff, double[] lse, double[] dx) {
        Kernels k = Backend.kernels();
        Parallel.forRange(rows, grain(), (start, end) -> {
            for (int r = start; r < end; r++) {
                if (g[r] == 0.0) {
                    continue;
                }
                int in = xOff + r * classes;
                int out = r * classes;
                double shift = lse[r];
                for (int c = 0; c < classes; c++) {
                    dx[out + c] = xs[in + c] - shift;
                }
                k.unary(Unary.EXP, dx, out, dx, out, classes);
                double scale = g[r];
                for (int c = 0; c < classes; c++) {
                    dx[out + c] *= scale;
                }
                dx[out + targets[r]] -= scale;
            }
        });
    }
}
