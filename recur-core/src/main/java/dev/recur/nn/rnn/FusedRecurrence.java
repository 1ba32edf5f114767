package dev.recur.nn.rnn;

import dev.recur.autodiff.Function;
import dev.recur.autodiff.Variable;
import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Transpose;
import dev.recur.tensor.Tensor;

/**
 * What the fused float32 cells share, cuDNN-style (DESIGN.md, "Speed"): the input projection
 * of every time step is one matrix product {@code [B*T, in] x [in, G*h]}; only the recurrent
 * product is per step; in backward, {@code dX} and {@code dW} are each one product over all
 * steps. Inputs start with x {@code [B, T, in]}, kernel W {@code [in, G*h]}, recurrent kernel U
 * {@code [h, G*h]}, bias and h0 {@code [B, h]}.
 *
 * <p>Internal buffers are step-major, like cuDNN's: a buffer {@code [T*B, n]} holds processing
 * step s (time t = s, or T-1-s going backward) in rows {@code s*B .. s*B + B-1}, so each step's
 * block is a dense {@code [B, n]} matrix. (Batch-first blocks would lie {@code T * n} floats
 * apart, a stride that maps every row to the same cache sets; the step product measured 2-3x
 * slower that way.) x is reordered once into this layout, and dx back; the returned sequence
 * is batch-first.
 */
abstract class FusedRecurrence extends Function {

    static final int X = 0;
    static final int W = 1;
    static final int U = 2;
    static final int BIAS = 3;
    static final int H0 = 4;

    final StepPlan plan;
    final int batch;
    final int time;
    final int in;
    final int units;
    final int width; // G*h, the gate columns
    final Kernels k = Backend.kernels();
    final float[] xs; // [T*B, in] x in processing order, step-major
    final FloatView w; // [in, G*h]
    final FloatView u; // [h, G*h]

    FusedRecurrence(StepPlan plan, CellConfig config, Variable... inputs) {
        super(inputs);
        this.plan = plan;
        this.batch = plan.batch();
        this.time = plan.time();
        this.in = config.inputSize();
        this.units = config.units();
        this.width = config.layout().count() * config.units();
        this.xs = toSteps(FloatView.of(inputs[X]), in);
        this.w = FloatView.of(inputs[W]);
        this.u = FloatView.of(inputs[U]);
    }

    /** The bias input: the cell's bias, or zeros of its shape for a cell without bias (no gradient). */
    static Variable biasOrZeros(Variable bias, CellConfig config) {
        return bias != null ? bias : Variable.constant(Tensor.zeros(config.biasShape()));
    }

    /** {@code out = X W + b} for every step at once: {@code [T*B, in] x [in, G*h]}, b one row of G*h. */
    final float[] projectInputs(FloatView bias) {
        int rows = batch * time;
        float[] out = new float[rows * width];
        k.gemm(Transpose.N, Transpose.N, rows, width, in, 1f, xs, 0, in, w.a(), w.off(), width,
                0f, out, 0, width);
        k.binaryRow(Binary.ADD, out, 0, bias.a(), bias.off(), out, 0, rows, width);
        return out;
    }

    /** Given dG = dL/d(X W) for all steps {@code [T*B, G*h]}: {@code dX = dG W^T}, {@code dW = X^T dG}. */
    final void accumulateInputGrads(float[] dG) {
        int rows = batch * time;
        if (needsGrad(X)) {
            float[] dXs = new float[rows * in];
            k.gemm(Transpose.N, Transpose.T, rows, in, width, 1f, dG, 0, width, w.a(), w.off(), width, 0f, dXs, 0, in);
            accumulate(X, Tensor.of(fromSteps(dXs, in), batch, time, in));
        }
        if (needsGrad(W)) {
            float[] dW = new float[in * width];
            k.gemm(Transpose.T, Transpose.N, in, width, rows, 1f, xs, 0, in, dG, 0, width, 0f, dW, 0, width);
            accumulate(W, Tensor.of(dW, in, width));
        }
    }

    /**
     * {@code out[:, col..col+n) += A^T dG[:, 0..n)} over all steps, for the recurrent kernel's
     * gradient: A {@code [T*B, h]} holds what multiplied U at each step, dG ({@code n} columns from
     * {@code dGOff}, leading dimension {@code ldg}) the gradient of the product.
     */
    final void addRecurrentGrad(float[] a, float[] dG, int dGOff, int ldg, int n, float[] out, int col) {
        k.gemm(Transpose.T, Transpose.N, units, n, batch * time, 1f, a, 0, units, dG, dGOff, ldg,
                1f, out, col, width);
    }

    /** Column sums of a {@code [T*B, n]} gradient: a bias gradient, accumulated into out from outOff. */
    final void addColumnSums(float[] dG, int n, float[] out, int outOff) {
        k.sumRows(dG, 0, batch * time, n, out, outOff);
    }

    /** Copies the state {@code [B, h]} into step s's block of a buffer {@code [T*B, h]}. */
    final void saveState(float[] state, float[] perStep, int s) {
        System.arraycopy(state, 0, perStep, block(s, units), batch * units);
    }

    /** Offset of step s's block {@code [B, n]} in a step-major buffer {@code [T*B, n]}. */
    final int block(int s, int n) {
        return s * batch * n;
    }

    /** Offset of row b of step s in a step-major buffer of {@code n} columns. */
    final int row(int b, int s, int n) {
        return (s * batch + b) * n;
    }

    /** Offset of row b of step s in a batch-first sequence {@code [B, T, n]} (the output, its gradient). */
    final int seqRow(int b, int s, int n) {
        return (b * time + s) * n;
    }

    /** x {@code [B, T, n]} reordered step-major {@code [T*B, n]}, in processing order. */
    private float[] toSteps(FloatView x, int n) {
        float[] out = new float[batch * time * n];
        for (int s = 0; s < time; s++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(x.a(), x.off() + (b * time + plan.timeAt(s)) * n, out, row(b, s, n), n);
            }
        }
        return out;
    }

    /** The inverse of {@link #toSteps}: a step-major {@code [T*B, n]} back to {@code [B, T, n]}. */
    private float[] fromSteps(float[] steps, int n) {
        float[] out = new float[batch * time * n];
        for (int s = 0; s < time; s++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(steps, row(b, s, n), out, (b * time + plan.timeAt(s)) * n, n);
            }
        }
        return out;
    }
}
