package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.Unary;
import dev.recur.nn.Activation;
import dev.recur.tensor.Tensor;

/**
 * The SimpleRNN of {@link SimpleRnnCell} over a whole float32 sequence, forward and backward
 * side by side: {@code h_t = act(x_t W + h_{t-1} U + b)}. Inputs: x, W, U, b, h0. Outputs: the
 * sequence {@code [B, T, h]} and h_T {@code [B, h]}.
 */
final class FusedSimpleRnn extends FusedRecurrence {

    private final Activation activation;
    private final Unary unary; // null for linear

    // saved by forward for backward, step-major rows s*B + b
    private float[] hNew;  // [T*B, h] act(z_t), the new state (garbage at masked steps)
    private float[] hPrev; // [T*B, h] h_{t-1}

    private FusedSimpleRnn(SimpleRnnConfig config, StepPlan plan, Variable... inputs) {
        super(plan, config, inputs);
        activation = config.activation();
        unary = unaryOf(activation);
    }

    /** Runs the cell over x (float32, validated) from {@code initial}. */
    static RecurrentOutput apply(SimpleRnnCell cell, Variable x, StepPlan plan, State initial) {
        SimpleRnnWeights w = cell.weights();
        FusedSimpleRnn f = new FusedSimpleRnn(cell.config(), plan, x, w.kernel(), w.recurrentKernel(),
                biasOrZeros(w.bias(), cell.config()), initial.h());
        Variable[] out = f.record(f.forward());
        return new RecurrentOutput(out[0], State.of(out[1]));
    }

    private Tensor[] forward() {
        int h = units;
        hNew = projectInputs(FloatView.of(input(BIAS)));
        hPrev = new float[batch * time * h];
        float[] hCur = FloatView.of(input(H0)).copy(batch * h); // [B, h]
        float[] out = new float[batch * time * h];          // [B, T, h], zeros at masked steps
        for (int s = 0; s < time; s++) {
            int t = plan.timeAt(s);
            int step = s;
            saveState(hCur, hPrev, s);
            // z_t += h_{t-1} U   ([B, h] x [h, h])
            k.gemm(Transpose.N, Transpose.N, batch, h, h, 1f, hPrev, block(s, h), h, u.a(), u.off(), h,
                    1f, hNew, block(s, h), h);
            plan.forRows(h, (lo, hi) -> {
                for (int b = lo; b < hi; b++) {
                    if (plan.isActive(b, t)) {
                        int z = row(b, step, h);
                        applyActivation(hNew, z, h); // h_t = act(z_t)
                        System.arraycopy(hNew, z, out, seqRow(b, step, h), h);
                        System.arraycopy(hNew, z, hCur, b * h, h);
                    }
                }
            });
        }
        return new Tensor[]{Tensor.of(out, batch, time, h), Tensor.of(hCur, batch, h)};
    }

    @Override
    protected void backward(Tensor[] dOutputs) {
        int h = units;
        FloatView dSeq = FloatView.of(dOutputs[0]);             // [B, T, h]
        float[] dh = FloatView.of(dOutputs[1]).copy(batch * h); // [B, h] dL/dh carried back in time
        float[] dG = new float[batch * time * h];           // [T*B, h] dL/dz, zero at masked steps
        for (int s = time - 1; s >= 0; s--) {
            int t = plan.timeAt(s);
            int step = s;
            plan.forRows(h, (lo, hi) -> {
                for (int b = lo; b < hi; b++) {
                    if (!plan.isActive(b, t)) {
                        continue; // masked: dh passes through
                    }
                    int z = row(b, step, h);
                    int y = dSeq.off() + seqRow(b, step, h);
                    for (int j = 0; j < h; j++) {
                        float dhj = dh[b * h + j] + dSeq.a()[y + j];
                        dG[z + j] = dhj * derivativeFromOutput(hNew[z + j]); // dz = dh * act'(z)
                        dh[b * h + j] = 0f;
                    }
                }
            });
            // dh_{t-1} += dz_t U^T   ([B, h] x [h, h])
            k.gemm(Transpose.N, Transpose.T, batch, h, h, 1f, dG, block(s, h), h, u.a(), u.off(), h, 1f, dh, 0, h);
        }
        accumulateInputGrads(dG);
        if (needsGrad(U)) {
            float[] dU = new float[h * h];
            addRecurrentGrad(hPrev, dG, 0, h, h, dU, 0); // dU = H_prev^T dz
            accumulate(U, Tensor.of(dU, h, h));
        }
        if (needsGrad(BIAS)) {
            float[] db = new float[h];
            addColumnSums(dG, h, db, 0);
            accumulate(BIAS, Tensor.of(db, h));
        }
        if (needsGrad(H0)) {
            accumulate(H0, Tensor.of(dh, batch, h));
        }
    }

    /** act(a) in place on {@code n} floats from {@code off}. */
    private void applyActivation(float[] a, int off, int n) {
        if (unary != null) {
            k.unary(unary, a, off, a, off, n);
        }
    }

    /** The kernel function of an elementwise activation; null for linear. */
    static Unary unaryOf(Activation activation) {
        return switch (activation) {
            case TANH -> Unary.TANH;
            case RELU -> Unary.RELU;
            case SIGMOID -> Unary.SIGMOID;
            case LINEAR -> null;
            case SOFTMAX -> throw new IllegalStateException("SimpleRnnConfig refuses softmax");
        };
    }

    /** act'(a) written in terms of the output y = act(a), which backward has at hand. */
    private float derivativeFromOutput(float y) {
        return switch (activation) {
            case TANH -> 1f - y * y;
            case RELU -> y > 0f ? 1f : 0f;
            case SIGMOID -> y * (1f - y);
            case LINEAR -> 1f;
            case SOFTMAX -> throw new IllegalStateException("SimpleRnnConfig refuses softmax");
        };
    }
}
