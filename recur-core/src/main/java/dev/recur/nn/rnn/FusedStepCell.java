package dev.recur.nn.rnn;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Parallel;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.Unary;

/**
 * One recurrent layer's batch-1 inference step for {@link FusedStep}: the state lives in arrays
 * owned here and nothing is allocated per step. The units are split into blocks of 16 over the
 * kernel threads; each block computes its own gate columns ({@code x W + b + h U}, matrix-vector
 * products that stream the weight rows once) and applies the gate nonlinearities and the state
 * update right away, so one step is one parallel pass. Every unit's arithmetic is the same, in
 * the same order, as the fused whole-sequence kernels' (FusedLstm, FusedGru, FusedSimpleRnn) at
 * batch 1, whatever the split: results are bit-identical to theirs and across thread counts.
 *
 * <p>Supported: LSTM without peepholes, coupling, cell clip or layer norm; GRU with
 * {@code reset_after}; SimpleRNN without layer norm ({@link #supports}).
 */
final class FusedStepCell {

    /** Units per block: a vector of floats, so that blocks never split a vector differently. */
    private static final int GRAIN = 16;

    private final RecurrentLayer layer;
    private final Cell cell;
    private final int in;
    private final int units;
    private final int width;        // G*h gate columns
    private final int[] gateOffsets; // start column of each gate block
    private final Kernels k = Backend.kernels();
    private final float[] gates;    // [G*h] pre-activations, then gate values
    private final float[] rec;      // [G*h] GRU only: h U + b_rec
    private final float[] cellTmp;  // [h] LSTM only: tanh(c_t)
    float[] h;                      // [h] h_{t-1}, then h_t after swap
    private float[] hNext;          // [h]
    final float[] c;                // [h] LSTM cell state, or null

    // weights of the current step, resolved at its start (the model may have loaded new ones)
    private float[] w, u, b;
    private int wOff, uOff, bOff;

    FusedStepCell(RecurrentLayer layer) {
        this.layer = layer;
        this.cell = layer.cell();
        this.in = cell.config().inputSize();
        this.units = cell.config().units();
        GateLayout layout = cell.config().layout();
        this.width = layout.count() * units;
        this.gateOffsets = new int[layout.count()];
        for (int g = 0; g < gateOffsets.length; g++) {
            gateOffsets[g] = g * units;
        }
        gates = new float[width];
        rec = cell instanceof GruCell ? new float[width] : null;
        cellTmp = cell instanceof LstmCell ? new float[units] : null;
        h = new float[units];
        hNext = new float[units];
        c = cell.config().hasCellState() ? new float[units] : null;
    }

    /** Whether this layer's cell has a fused batch-1 step. */
    static boolean supports(RecurrentLayer layer) {
        Cell cell = layer.cell();
        if (layer.usesReference() || cell.dtype() != dev.recur.tensor.DType.FLOAT32 || cell.config().layerNorm()) {
            return false;
        }
        return switch (cell) {
            case LstmCell l -> !l.config().peepholes() && !l.config().coupledInputForget() && !l.config().clipsCell()
                    && l.config().layout() == GateLayout.LSTM;
            case GruCell g -> g.config().resetAfter();
            case SimpleRnnCell r -> true;
        };
    }

    RecurrentLayer layer() {
        return layer;
    }

    int units() {
        return units;
    }

    int inputSize() {
        return in;
    }

    /** Reads x {@code [in]} at {@code xOff} from the state in {@link #h} (and {@link #c}); leaves the new state there. */
    void step(float[] x, int xOff) {
        Variables v = Variables.of(cell);
        w = v.w().a();
        wOff = v.w().off();
        u = v.u().a();
        uOff = v.u().off();
        b = v.b() == null ? null : v.b().a();
        bOff = v.b() == null ? 0 : v.b().off();
        Parallel.forRange(units, GRAIN, (j0, j1) -> units(x, xOff, j0, j1));
        float[] t = h;
        h = hNext;
        hNext = t;
    }

    private void units(float[] x, int xOff, int j0, int j1) {
        if (j0 == 0 && j1 == units) {
            products(x, xOff, 0, width); // one block: every weight row streamed once, whole
        } else {
            for (int off : gateOffsets) {
                products(x, xOff, off + j0, j1 - j0);
            }
        }
        int n = j1 - j0;
        switch (cell) {
            case LstmCell l -> lstm(j0, n);
            case GruCell g -> gru(j0, n);
            case SimpleRnnCell r -> simple(r, j0, n);
        }
    }

    /** Gate columns [col, col + n): {@code x W + b} and {@code h U} (+ b_rec for GRU, into rec). */
    private void products(float[] x, int xOff, int col, int n) {
        // gates = x W + b, as FusedRecurrence.projectInputs
        k.gemm(Transpose.N, Transpose.N, 1, n, in, 1f, x, xOff, in, w, wOff + col, width, 0f, gates, col, width);
        if (b != null) {
            k.binary(Binary.ADD, gates, col, b, bOff + col, gates, col, n);
        }
        if (rec != null) { // GRU, reset after: rec = h U + b_rec
            k.gemm(Transpose.N, Transpose.N, 1, n, units, 1f, h, 0, units, u, uOff + col, width, 0f, rec, col, width);
            if (b != null) {
                k.binary(Binary.ADD, rec, col, b, bOff + width + col, rec, col, n);
            }
        } else { // gates += h U
            k.gemm(Transpose.N, Transpose.N, 1, n, units, 1f, h, 0, units, u, uOff + col, width, 1f, gates, col, width);
        }
    }

    /** FusedLstm.forwardRows for units [j0, j0 + n) of one row. */
    private void lstm(int j0, int n) {
        int gi = j0;
        int gf = units + j0;
        int gc = 2 * units + j0;
        int go = 3 * units + j0;
        k.unary(Unary.SIGMOID, gates, gi, gates, gi, n);
        k.unary(Unary.SIGMOID, gates, gf, gates, gf, n);
        k.unary(Unary.TANH, gates, gc, gates, gc, n);
        float inf = Float.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            // c_t = clip(f * c_{t-1} + i * g), the clip at infinity as in FusedLstm
            c[j0 + j] = Math.max(-inf, Math.min(inf, gates[gf + j] * c[j0 + j] + gates[gi + j] * gates[gc + j]));
        }
        k.unary(Unary.SIGMOID, gates, go, gates, go, n);
        k.unary(Unary.TANH, c, j0, cellTmp, j0, n);
        for (int j = 0; j < n; j++) {
            hNext[j0 + j] = gates[go + j] * cellTmp[j0 + j]; // h_t = o * tanh(c_t)
        }
    }

    /** FusedGru.gatesResetAfter and newState for units [j0, j0 + n). */
    private void gru(int j0, int n) {
        int gz = j0;
        int gr = units + j0;
        int gh = 2 * units + j0;
        k.binary(Binary.ADD, gates, gz, rec, gz, gates, gz, n);
        k.binary(Binary.ADD, gates, gr, rec, gr, gates, gr, n);
        k.unary(Unary.SIGMOID, gates, gz, gates, gz, n);
        k.unary(Unary.SIGMOID, gates, gr, gates, gr, n);
        for (int j = 0; j < n; j++) {
            gates[gh + j] += gates[gr + j] * rec[gh + j];
        }
        k.unary(Unary.TANH, gates, gh, gates, gh, n);
        for (int j = 0; j < n; j++) {
            float z = gates[gz + j];
            hNext[j0 + j] = z * h[j0 + j] + (1f - z) * gates[gh + j];
        }
    }

    /** FusedSimpleRnn: h_t = act(x W + b + h U) for units [j0, j0 + n). */
    private void simple(SimpleRnnCell r, int j0, int n) {
        Unary act = FusedSimpleRnn.unaryOf(r.config().activation());
        if (act != null) {
            k.unary(act, gates, j0, gates, j0, n);
        }
        System.arraycopy(gates, j0, hNext, j0, n);
    }

    /** The weights as kernels read them. */
    private record Variables(FloatView w, FloatView u, FloatView b) {
        static Variables of(Cell cell) {
            return switch (cell) {
                case LstmCell l -> new Variables(FloatView.of(l.weights().kernel()),
                        FloatView.of(l.weights().recurrentKernel()), view(l.weights().bias()));
                case GruCell g -> new Variables(FloatView.of(g.weights().kernel()),
                        FloatView.of(g.weights().recurrentKernel()), view(g.weights().bias()));
                case SimpleRnnCell r -> new Variables(FloatView.of(r.weights().kernel()),
                        FloatView.of(r.weights().recurrentKernel()), view(r.weights().bias()));
            };
        }

        private static FloatView view(dev.recur.autodiff.Variable bias) {
            return bias == null ? null : FloatView.of(bias);
        }
    }
}
