package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.Unary;
import dev.recur.tensor.Tensor;

/**
 * The GRU of {@link GruCell} over a whole float32 sequence, forward and backward (BPTT) side by
 * side. Inputs: x, W, U, b, h0. Outputs: the sequence {@code [B, T, h]} and h_T {@code [B, h]}.
 *
 * <p>With {@code resetAfter} one product per step, {@code rec_t = h_{t-1} U + bU}, feeds all
 * three gates. Without it (Cho et al.) a step takes two: {@code h_{t-1} U_zr} into the z and r
 * gate blocks, then {@code (r * h_{t-1}) U_h} into the candidate's block.
 */
final class FusedGru extends FusedRecurrence {

    private final boolean resetAfter;
    // gate blocks z, r, h; z and r are adjacent (GateLayoutTest pins z,r,h) and are read as one [., 2h] block
    private final int offZ, offR, offH;

    // saved by forward for backward, step-major rows s*B + b
    private float[] gates; // [T*B, 3h] z, r, h~ after their nonlinearities
    private float[] hPrev; // [T*B, h] h_{t-1}
    private float[] rec;   // resetAfter: [T*B, 3h] h_{t-1} U + bU
    private float[] rh;    // reset before: [T*B, h] r * h_{t-1}

    private FusedGru(GruConfig config, StepPlan plan, Variable... inputs) {
        super(plan, config, inputs);
        resetAfter = config.resetAfter();
        offZ = GateLayout.GRU.offset(Gate.UPDATE, units);
        offR = GateLayout.GRU.offset(Gate.RESET, units);
        offH = GateLayout.GRU.offset(Gate.CANDIDATE, units);
    }

    /** Runs the cell over x (float32, validated) from {@code initial}. */
    static RecurrentOutput apply(GruCell cell, Variable x, StepPlan plan, State initial) {
        GruWeights w = cell.weights();
        FusedGru f = new FusedGru(cell.config(), plan, x, w.kernel(), w.recurrentKernel(),
                biasOrZeros(w.bias(), cell.config()), initial.h());
        Variable[] out = f.record(f.forward());
        return new RecurrentOutput(out[0], State.of(out[1]));
    }

    // ---- forward ---------------------------------------------------------------------------

    private Tensor[] forward() {
        int h = units;
        FloatView bias = FloatView.of(input(BIAS));
        gates = projectInputs(bias); // x W + b (the input bias, row 0, with resetAfter)
        hPrev = new float[batch * time * h];
        if (resetAfter) {
            rec = new float[batch * time * width];
        } else {
            rh = new float[batch * time * h];
        }
        FloatView recurrentBias = new FloatView(bias.a(), bias.off() + width); // row 1 with resetAfter
        float[] hCur = FloatView.of(input(H0)).copy(batch * h); // [B, h]
        float[] out = new float[batch * time * h];          // [B, T, h], zeros at masked steps
        for (int s = 0; s < time; s++) {
            int t = plan.timeAt(s);
            int step = s;
            saveState(hCur, hPrev, s);
            if (resetAfter) {
                // rec_t = h_{t-1} U   ([B, h] x [h, 3h])
                k.gemm(Transpose.N, Transpose.N, batch, width, h, 1f, hPrev, block(s, h), h, u.a(), u.off(), width,
                        0f, rec, block(s, width), width);
                plan.forRows(width, (lo, hi) -> {
                    gatesResetAfter(lo, hi, t, step, recurrentBias);
                    newState(lo, hi, t, step, hCur, out);
                });
            } else {
                // z_t, r_t += h_{t-1} U_zr   ([B, h] x [h, 2h])
                k.gemm(Transpose.N, Transpose.N, batch, 2 * h, h, 1f, hPrev, block(s, h), h, u.a(), u.off() + offZ,
                        width, 1f, gates, block(s, width) + offZ, width);
                plan.forRows(width, (lo, hi) -> gatesResetBefore(lo, hi, t, step));
                // h~_t += (r * h_{t-1}) U_h   ([B, h] x [h, h])
                k.gemm(Transpose.N, Transpose.N, batch, h, h, 1f, rh, block(s, h), h, u.a(), u.off() + offH,
                        width, 1f, gates, block(s, width) + offH, width);
                plan.forRows(width, (lo, hi) -> newState(lo, hi, t, step, hCur, out));
            }
        }
        return new Tensor[]{Tensor.of(out, batch, time, h), Tensor.of(hCur, batch, h)};
    }

    /** z, r = sigmoid(xW + b + rec); h~ pre-activation = xW_h + b_h + r * rec_h. */
    private void gatesResetAfter(int lo, int hi, int t, int s, FloatView recurrentBias) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (plan.isActive(b, t)) {
                int g = row(b, s, width);
                k.binary(Binary.ADD, rec, g, recurrentBias.a(), recurrentBias.off(), rec, g, width);
                k.binary(Binary.ADD, gates, g + offZ, rec, g + offZ, gates, g + offZ, 2 * h); // z, r adjacent
                k.unary(Unary.SIGMOID, gates, g + offZ, gates, g + offZ, 2 * h);
                for (int j = 0; j < h; j++) {
                    gates[g + offH + j] += gates[g + offR + j] * rec[g + offH + j];
                }
            }
        }
    }

    /** z, r = sigmoid(x W + b + h_{t-1} U_zr); keeps r * h_{t-1} for the candidate's product. */
    private void gatesResetBefore(int lo, int hi, int t, int s) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (plan.isActive(b, t)) {
                int g = row(b, s, width);
                int p = row(b, s, h);
                k.unary(Unary.SIGMOID, gates, g + offZ, gates, g + offZ, 2 * h); // z, r adjacent
                for (int j = 0; j < h; j++) {
                    rh[p + j] = gates[g + offR + j] * hPrev[p + j];
                }
            }
        }
    }

    /** h~ = tanh(pre-activation); h_t = z * h_{t-1} + (1 - z) * h~. */
    private void newState(int lo, int hi, int t, int s, float[] hCur, float[] out) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (!plan.isActive(b, t)) {
                continue; // masked: the state carries over, the output stays 0
            }
            int g = row(b, s, width);
            int p = row(b, s, h);
            int o = seqRow(b, s, h);
            k.unary(Unary.TANH, gates, g + offH, gates, g + offH, h);
            for (int j = 0; j < h; j++) {
                float z = gates[g + offZ + j];
                float hv = z * hPrev[p + j] + (1f - z) * gates[g + offH + j];
                out[o + j] = hv;
                hCur[b * h + j] = hv;
            }
        }
    }

    // ---- backward --------------------------------------------------------------------------

    @Override
    protected void backward(Tensor[] dOutputs) {
        int h = units;
        FloatView dSeq = FloatView.of(dOutputs[0]);             // [B, T, h]
        float[] dh = FloatView.of(dOutputs[1]).copy(batch * h); // [B, h] dL/dh carried back in time
        float[] dG = new float[batch * time * width];       // [T*B, 3h] dL/d(x W + b), zero at masked steps
        // resetAfter: dL/d(h U + bU) [T*B, 3h]; reset before: dL/d(r * h_{t-1}) of one step [B, h]
        float[] dRec = new float[resetAfter ? batch * time * width : batch * h];
        for (int s = time - 1; s >= 0; s--) {
            int t = plan.timeAt(s);
            int step = s;
            plan.forRows(width, (lo, hi) -> stateGrads(lo, hi, t, step, dSeq, dh, dG, dRec));
            if (resetAfter) {
                // dh_{t-1} += dRec_t U^T   ([B, 3h] x [3h, h])
                k.gemm(Transpose.N, Transpose.T, batch, h, width, 1f, dRec, block(s, width), width, u.a(), u.off(),
                        width, 1f, dh, 0, h);
            } else {
                // d(r * h_{t-1}) = dz_h U_h^T   ([B, h] x [h, h])
                k.gemm(Transpose.N, Transpose.T, batch, h, h, 1f, dG, block(s, width) + offH, width, u.a(),
                        u.off() + offH, width, 0f, dRec, 0, h);
                plan.forRows(width, (lo, hi) -> resetGrads(lo, hi, t, step, dh, dG, dRec));
                // dh_{t-1} += dz_zr U_zr^T   ([B, 2h] x [2h, h])
                k.gemm(Transpose.N, Transpose.T, batch, h, 2 * h, 1f, dG, block(s, width) + offZ, width, u.a(),
                        u.off() + offZ, width, 1f, dh, 0, h);
            }
        }
        accumulateInputGrads(dG);
        if (needsGrad(U)) {
            float[] dU = new float[h * width];
            if (resetAfter) {
                addRecurrentGrad(hPrev, dRec, 0, width, width, dU, 0);         // dU = H_prev^T dRec
            } else {
                addRecurrentGrad(hPrev, dG, offZ, width, 2 * h, dU, offZ);    // dU_zr = H_prev^T dz_zr
                addRecurrentGrad(rh, dG, offH, width, h, dU, offH);           // dU_h = (r * H_prev)^T dz_h
            }
            accumulate(U, Tensor.of(dU, h, width));
        }
        if (needsGrad(BIAS)) {
            float[] db = new float[resetAfter ? 2 * width : width];
            addColumnSums(dG, width, db, 0);
            if (resetAfter) {
                addColumnSums(dRec, width, db, width);
                accumulate(BIAS, Tensor.of(db, 2, width));
            } else {
                accumulate(BIAS, Tensor.of(db, width));
            }
        }
        if (needsGrad(H0)) {
            accumulate(H0, Tensor.of(dh, batch, h));
        }
    }

    /**
     * From dh_t: the gradients of the z and h~ pre-activations, the direct part z * dh of
     * dh_{t-1}, and with resetAfter the reset gate's as well (it needs only rec_h).
     */
    private void stateGrads(int lo, int hi, int t, int s, FloatView dSeq, float[] dh, float[] dG, float[] dRec) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (!plan.isActive(b, t)) {
                continue; // masked: dh passes through, the gradients stay 0
            }
            int g = row(b, s, width);
            int p = row(b, s, h);
            int y = dSeq.off() + seqRow(b, s, h);
            for (int j = 0; j < h; j++) {
                float dhj = dh[b * h + j] + dSeq.a()[y + j];
                float z = gates[g + offZ + j];
                float hh = gates[g + offH + j];
                float dzh = dhj * (1f - z) * (1f - hh * hh);           // h = z h_{t-1} + (1 - z) h~
                dG[g + offZ + j] = dhj * (hPrev[p + j] - hh) * z * (1f - z);
                dG[g + offH + j] = dzh;
                dh[b * h + j] = dhj * z;
                if (resetAfter) {
                    float r = gates[g + offR + j];
                    float dzr = dzh * rec[g + offH + j] * r * (1f - r); // h~ = tanh(.. + r * rec_h)
                    dG[g + offR + j] = dzr;
                    dRec[g + offZ + j] = dG[g + offZ + j];
                    dRec[g + offR + j] = dzr;
                    dRec[g + offH + j] = dzh * r;
                }
            }
        }
    }

    /** Reset before: from d(r * h_{t-1}), the reset gate's gradient and r * d(r h) into dh_{t-1}. */
    private void resetGrads(int lo, int hi, int t, int s, float[] dh, float[] dG, float[] dRh) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (plan.isActive(b, t)) {
                int g = row(b, s, width);
                int p = row(b, s, h);
                for (int j = 0; j < h; j++) {
                    float r = gates[g + offR + j];
                    dG[g + offR + j] = dRh[b * h + j] * hPrev[p + j] * r * (1f - r);
                    dh[b * h + j] += dRh[b * h + j] * r;
                }
            }
        }
    }
}
