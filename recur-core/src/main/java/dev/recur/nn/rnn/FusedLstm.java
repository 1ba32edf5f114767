package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.Unary;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The LSTM of {@link LstmCell} over a whole float32 sequence, forward and backward (BPTT) side
 * by side. Inputs: x, W, U, b, h0, c0, then the peepholes present (p_i, p_f, p_o). Outputs: the
 * sequence {@code [B, T, h]}, h_T and c_T {@code [B, h]}.
 *
 * <p>Per step: {@code gates_t += h_{t-1} U} (one product), then one pass over the gate buffer
 * applies the nonlinearities and updates c and h. Backward per step computes dGates_t and
 * {@code dh_{t-1} = dGates_t U^T}; dX, dW, dU and db are each one product or sum over all steps.
 */
final class FusedLstm extends FusedRecurrence {

    private static final int C0 = 5;

    private final boolean coupled;           // f = 1 - i (no forget block)
    private final boolean peepholes;
    private final int offI, offF, offC, offO; // gate blocks; offF unused when coupled
    private final float clip;                // +infinity: no clipping
    private final int pI, pF, pO;            // input indices of the peepholes, -1 if absent
    private final float[] peepI, peepF, peepO; // [h] each; zeros where absent, so they add nothing

    // saved by forward for backward, step-major rows s*B + b
    private float[] gates;    // [T*B, G*h] i, f, g, o after their nonlinearities
    private float[] hPrev;    // [T*B, h] h_{t-1}
    private float[] cPrev;    // [T*B, h] c_{t-1}
    private float[] cell;     // [T*B, h] c_t after clipping
    private float[] tanhCell; // [T*B, h] tanh(c_t)

    private FusedLstm(LstmConfig config, StepPlan plan, Variable[] inputs) {
        super(plan, config, inputs);
        GateLayout layout = config.layout();
        coupled = config.coupledInputForget();
        peepholes = config.peepholes();
        offI = layout.offset(Gate.INPUT, units);
        offF = coupled ? -1 : layout.offset(Gate.FORGET, units);
        offC = layout.offset(Gate.CELL, units);
        offO = layout.offset(Gate.OUTPUT, units);
        clip = (float) config.cellClip();
        pI = peepholes ? 6 : -1;
        pF = peepholes && !coupled ? 7 : -1;
        pO = peepholes ? inputs.length - 1 : -1;
        peepI = peephole(pI);
        peepF = peephole(pF);
        peepO = peephole(pO);
    }

    private float[] peephole(int index) {
        return index < 0 ? new float[units] : FloatView.of(input(index)).copy(units);
    }

    /** Runs the cell over x (float32, validated) from {@code initial}. */
    static RecurrentOutput apply(LstmCell cell, Variable x, StepPlan plan, State initial) {
        LstmWeights w = cell.weights();
        List<Variable> inputs = new ArrayList<>(List.of(x, w.kernel(), w.recurrentKernel(),
                biasOrZeros(w.bias(), cell.config()), initial.h(), initial.c()));
        if (cell.config().peepholes()) {
            inputs.add(w.peepholeInput());
            if (!cell.config().coupledInputForget()) {
                inputs.add(w.peepholeForget());
            }
            inputs.add(w.peepholeOutput());
        }
        FusedLstm f = new FusedLstm(cell.config(), plan, inputs.toArray(Variable[]::new));
        Variable[] out = f.record(f.forward());
        return new RecurrentOutput(out[0], State.of(out[1], out[2]));
    }

    // ---- forward ---------------------------------------------------------------------------

    private Tensor[] forward() {
        int h = units;
        gates = projectInputs(FloatView.of(input(BIAS)));
        hPrev = new float[batch * time * h];
        cPrev = new float[batch * time * h];
        cell = new float[batch * time * h];
        tanhCell = new float[batch * time * h];
        float[] hCur = FloatView.of(input(H0)).copy(batch * h); // [B, h]
        float[] cCur = FloatView.of(input(C0)).copy(batch * h); // [B, h]
        float[] out = new float[batch * time * h];          // [B, T, h], zeros at masked steps
        for (int s = 0; s < time; s++) {
            int t = plan.timeAt(s);
            int step = s;
            saveState(hCur, hPrev, s);
            saveState(cCur, cPrev, s);
            // gates_t += h_{t-1} U   ([B, h] x [h, G*h])
            k.gemm(Transpose.N, Transpose.N, batch, width, h, 1f, hPrev, block(s, h), h, u.a(), u.off(), width,
                    1f, gates, block(s, width), width);
            plan.forRows(width, (lo, hi) -> forwardRows(lo, hi, t, step, hCur, cCur, out));
        }
        return new Tensor[]{Tensor.of(out, batch, time, h), Tensor.of(hCur, batch, h), Tensor.of(cCur, batch, h)};
    }

    private void forwardRows(int lo, int hi, int t, int s, float[] hCur, float[] cCur, float[] out) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (!plan.isActive(b, t)) {
                continue; // masked: the state carries over, the output stays 0
            }
            int g = row(b, s, width);
            int p = row(b, s, h);
            if (peepholes) {
                for (int j = 0; j < h; j++) {
                    gates[g + offI + j] += peepI[j] * cPrev[p + j]; // z_i += p_i * c_{t-1}
                }
                if (!coupled) {
                    for (int j = 0; j < h; j++) {
                        gates[g + offF + j] += peepF[j] * cPrev[p + j]; // z_f += p_f * c_{t-1}
                    }
                }
            }
            k.unary(Unary.SIGMOID, gates, g + offI, gates, g + offI, h); // i = sigmoid(z_i)
            if (!coupled) {
                k.unary(Unary.SIGMOID, gates, g + offF, gates, g + offF, h); // f = sigmoid(z_f)
            }
            k.unary(Unary.TANH, gates, g + offC, gates, g + offC, h);    // g = tanh(z_c)
            for (int j = 0; j < h; j++) {
                float i = gates[g + offI + j];
                float f = coupled ? 1f - i : gates[g + offF + j];
                // c_t = clip(f * c_{t-1} + i * g)
                cell[p + j] = Math.max(-clip, Math.min(clip, f * cPrev[p + j] + i * gates[g + offC + j]));
            }
            if (peepholes) {
                for (int j = 0; j < h; j++) {
                    gates[g + offO + j] += peepO[j] * cell[p + j]; // z_o += p_o * c_t
                }
            }
            k.unary(Unary.SIGMOID, gates, g + offO, gates, g + offO, h); // o = sigmoid(z_o)
            k.unary(Unary.TANH, cell, p, tanhCell, p, h);
            int o = seqRow(b, s, h);
            for (int j = 0; j < h; j++) {
                float hv = gates[g + offO + j] * tanhCell[p + j]; // h_t = o * tanh(c_t)
                out[o + j] = hv;
                hCur[b * h + j] = hv;
                cCur[b * h + j] = cell[p + j];
            }
        }
    }

    // ---- backward --------------------------------------------------------------------------

    @Override
    protected void backward(Tensor[] dOutputs) {
        int h = units;
        FloatView dSeq = FloatView.of(dOutputs[0]);             // [B, T, h]
        float[] dh = FloatView.of(dOutputs[1]).copy(batch * h); // [B, h] dL/dh carried back in time
        float[] dc = FloatView.of(dOutputs[2]).copy(batch * h); // [B, h] dL/dc carried back in time
        float[] dG = new float[batch * time * width];       // [T*B, G*h] dL/dz, zero at masked steps
        for (int s = time - 1; s >= 0; s--) {
            int t = plan.timeAt(s);
            int step = s;
            plan.forRows(width, (lo, hi) -> backwardRows(lo, hi, t, step, dSeq, dh, dc, dG));
            // dh_{t-1} += dz_t U^T   ([B, G*h] x [G*h, h])
            k.gemm(Transpose.N, Transpose.T, batch, h, width, 1f, dG, block(s, width), width, u.a(), u.off(), width,
                    1f, dh, 0, h);
        }
        accumulateInputGrads(dG);
        if (needsGrad(U)) {
            float[] dU = new float[h * width];
            addRecurrentGrad(hPrev, dG, 0, width, width, dU, 0); // dU = H_prev^T dz
            accumulate(U, Tensor.of(dU, h, width));
        }
        if (needsGrad(BIAS)) {
            float[] db = new float[width];
            addColumnSums(dG, width, db, 0);
            accumulate(BIAS, Tensor.of(db, width));
        }
        accumulatePeephole(pI, dG, offI, cPrev); // dp_i = sum dz_i * c_{t-1}
        accumulatePeephole(pF, dG, offF, cPrev); // dp_f = sum dz_f * c_{t-1}
        accumulatePeephole(pO, dG, offO, cell);  // dp_o = sum dz_o * c_t
        if (needsGrad(H0)) {
            accumulate(H0, Tensor.of(dh, batch, h));
        }
        if (needsGrad(C0)) {
            accumulate(C0, Tensor.of(dc, batch, h));
        }
    }

    private void backwardRows(int lo, int hi, int t, int s, FloatView dSeq, float[] dh, float[] dc, float[] dG) {
        int h = units;
        for (int b = lo; b < hi; b++) {
            if (!plan.isActive(b, t)) {
                continue; // masked: dh and dc pass through to the previous step, dz stays 0
            }
            int g = row(b, s, width);
            int p = row(b, s, h);
            int y = dSeq.off() + seqRow(b, s, h);
            for (int j = 0; j < h; j++) {
                float dhj = dh[b * h + j] + dSeq.a()[y + j];
                float i = gates[g + offI + j];
                float gg = gates[g + offC + j];
                float o = gates[g + offO + j];
                float f = coupled ? 1f - i : gates[g + offF + j];
                float tc = tanhCell[p + j];
                float cp = cPrev[p + j];
                float dzo = dhj * tc * o * (1f - o);                           // h = o * tanh(c)
                float dcj = dc[b * h + j] + dhj * o * (1f - tc * tc) + dzo * peepO[j];
                float raw = f * cp + i * gg;
                if (raw < -clip || raw > clip) {
                    dcj = 0f;                                                 // clipped: c_t did not depend on raw
                }
                float dzc = dcj * i * (1f - gg * gg);                         // c = f c_{t-1} + i g
                float dzi = dcj * (coupled ? gg - cp : gg) * i * (1f - i);     // coupled: c = c_{t-1} + i (g - c_{t-1})
                float dzf = coupled ? 0f : dcj * cp * f * (1f - f);
                dG[g + offI + j] = dzi;
                dG[g + offC + j] = dzc;
                dG[g + offO + j] = dzo;
                if (!coupled) {
                    dG[g + offF + j] = dzf;
                }
                dc[b * h + j] = dcj * f + dzi * peepI[j] + dzf * peepF[j];    // dc_{t-1}
                dh[b * h + j] = 0f;                                           // dh_{t-1} = dz_t U^T, added next
            }
        }
    }

    /** dp[j] = sum over rows of dz[row, off + j] * state[row, j], for peephole input {@code index}. */
    private void accumulatePeephole(int index, float[] dG, int off, float[] state) {
        if (index < 0 || !needsGrad(index)) {
            return;
        }
        int h = units;
        double[] sum = new double[h];
        for (int r = 0; r < batch * time; r++) {
            for (int j = 0; j < h; j++) {
                sum[j] += (double) dG[r * width + off + j] * state[r * h + j];
            }
        }
        float[] dp = new float[h];
        for (int j = 0; j < h; j++) {
            dp[j] = (float) sum[j];
        }
        accumulate(index, Tensor.of(dp, h));
    }
}
