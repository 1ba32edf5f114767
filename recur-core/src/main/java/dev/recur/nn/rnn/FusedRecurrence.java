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
 * <p>Buffers indexed by time hold row {@code b * T + t}, like x viewed as {@code [B*T, in]}, so
 * step t's rows of a {@code [B*T, n]} buffer start at {@code t * n} and lie {@code T * n} apart.
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
    final Dense x;   // [B*T, in]
    final Dense w;   // [in, G*h]
    final Dense u;   // [h, G*h]

    FusedRecurrence(StepPlan plan, CellConfig config, Variable... inputs) {
        super(inputs);
        this.plan = plan;
        this.batch = plan.batch();
        this.time = plan.time();
        this.in = config.inputSize();
        this.units = config.units();
        this.width = config.layout().count() * config.units();
        this.x = Dense.of(inputs[X]);
        this.w = Dense.of(inputs[W]);
        this.u = Dense.of(inputs[U]);
    }

    /** {@code out = X W + b} for every step at once: {@code [B*T, in] x [in, G*h]}, b one row of G*h. */
    final float[] projectInputs(Dense bias) {
        int rows = batch * time;
        float[] out = new float[rows * width];
        k.gemm(Transpose.N, Transpose.N, rows, width, in, 1f, x.a(), x.off(), in, w.a(), w.off(), width,
                0f, out, 0, width);
        k.binaryRow(Binary.ADD, out, 0, bias.a(), bias.off(), out, 0, rows, width);
        return out;
    }

    /** Given dG = dL/d(X W) for all steps {@code [B*T, G*h]}: {@code dX = dG W^T}, {@code dW = X^T dG}. */
    final void accumulateInputGrads(float[] dG) {
        int rows = batch * time;
        if (needsGrad(X)) {
            float[] dX = new float[rows * in];
            k.gemm(Transpose.N, Transpose.T, rows, in, width, 1f, dG, 0, width, w.a(), w.off(), width, 0f, dX, 0, in);
            accumulate(X, Tensor.of(dX, batch, time, in));
        }
        if (needsGrad(W)) {
            float[] dW = new float[in * width];
            k.gemm(Transpose.T, Transpose.N, in, width, rows, 1f, x.a(), x.off(), in, dG, 0, width, 0f, dW, 0, width);
            accumulate(W, Tensor.of(dW, in, width));
        }
    }

    /**
     * {@code out[:, col..col+n) += A^T dG[:, 0..n)} over all steps, for the recurrent kernel's
     * gradient: A {@code [B*T, h]} holds what multiplied U at each step, dG ({@code n} columns from
     * {@code dGOff}, leading dimension {@code ldg}) the gradient of the product.
     */
    final void addRecurrentGrad(float[] a, float[] dG, int dGOff, int ldg, int n, float[] out, int col) {
        k.gemm(Transpose.T, Transpose.N, units, n, batch * time, 1f, a, 0, units, dG, dGOff, ldg,
                1f, out, col, width);
    }

    /** Column sums of a {@code [B*T, n]} gradient: a bias gradient, accumulated into out from outOff. */
    final void addColumnSums(float[] dG, int n, float[] out, int outOff) {
        k.sumRows(dG, 0, batch * time, n, out, outOff);
    }

    /** Copies state rows into their slot of a per-time buffer {@code [B*T, h]} at time t. */
    final void saveState(float[] state, float[] perTime, int t) {
        for (int b = 0; b < batch; b++) {
            System.arraycopy(state, b * units, perTime, (b * time + t) * units, units);
        }
    }

    /** Offset of row b at time t in a per-time buffer of {@code n} columns. */
    final int row(int b, int t, int n) {
        return (b * time + t) * n;
    }
}
