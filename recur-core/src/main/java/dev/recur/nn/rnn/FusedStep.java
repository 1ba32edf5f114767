package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Transpose;
import dev.recur.nn.Activation;
import dev.recur.nn.Dense;
import dev.recur.nn.Dropout;
import dev.recur.nn.Embedding;
import dev.recur.nn.Layer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Stepper}'s fast path: one batch-1 step of a stack {@code [Embedding] recurrent layers
 * [Dropout] [Dense]} in inference, on arrays it owns, with nothing allocated but the returned
 * output. The embedding row feeds the first layer's input product directly (no copy), each
 * recurrent layer is one fused parallel pass ({@link FusedStepCell}), and a linear Dense is one
 * matrix-vector product. The results are bit-identical to the general path's (the fused
 * whole-sequence kernels at T = 1) and independent of the thread count.
 */
final class FusedStep {

    private final Embedding embedding;       // or null: the input is [1, 1, features]
    private final List<FusedStepCell> cells;
    private final Dense dense;               // or null
    private final boolean sequenceOutput;    // the last recurrent layer returns sequences: [1, 1, n]
    private final Kernels k = Backend.kernels();
    private final float[] x;                 // [features] the step's input without an embedding

    private FusedStep(Embedding embedding, List<FusedStepCell> cells, Dense dense, boolean sequenceOutput) {
        this.embedding = embedding;
        this.cells = cells;
        this.dense = dense;
        this.sequenceOutput = sequenceOutput;
        this.x = new float[cells.getFirst().inputSize()];
    }

    /** The fast path for these built layers, or null when one of them has none. */
    static FusedStep of(List<Layer> layers) {
        Embedding embedding = null;
        Dense dense = null;
        List<FusedStepCell> cells = new ArrayList<>();
        boolean sequences = true;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Embedding e && i == 0 && !e.maskZero() && isFloat(e)) {
                embedding = e;
            } else if (l instanceof RecurrentLayer r && dense == null && sequences && FusedStepCell.supports(r)) {
                cells.add(new FusedStepCell(r));
                sequences = r.options().returnSequences();
            } else if (l instanceof Dense d && i == layers.size() - 1 && !cells.isEmpty()
                    && d.activation() == Activation.LINEAR && isFloat(d)) {
                dense = d;
            } else if (!(l instanceof Dropout)) {
                return null;
            }
        }
        return cells.isEmpty() ? null : new FusedStep(embedding, cells, dense, sequences);
    }

    private static boolean isFloat(Layer l) {
        return l.weights().stream().allMatch(p -> p.value().dtype() == DType.FLOAT32);
    }

    /** Copies the states in (null: zeros); false when one of them is not a float32 state of batch 1. */
    boolean load(State[] states, List<Layer> layers) {
        for (FusedStepCell c : cells) {
            State s = states[layers.indexOf(c.layer())];
            if (s != null && !(fits(s.h(), c.units()) && (c.c == null || fits(s.c(), c.units())))) {
                return false;
            }
        }
        for (FusedStepCell c : cells) {
            State s = states[layers.indexOf(c.layer())];
            copy(s == null ? null : s.h(), c.h);
            if (c.c != null) {
                copy(s == null ? null : s.c(), c.c);
            }
        }
        return true;
    }

    private static boolean fits(Variable v, int units) {
        Tensor t = v == null ? null : v.value();
        return t != null && t.dtype() == DType.FLOAT32 && t.rank() == 2 && t.dim(0) == 1 && t.dim(1) == units;
    }

    private static void copy(Variable from, float[] to) {
        if (from == null) {
            java.util.Arrays.fill(to, 0f);
        } else {
            FloatView v = FloatView.of(from);
            System.arraycopy(v.a(), v.off(), to, 0, to.length);
        }
    }

    /** Writes the states out, as the general path keeps them. */
    void store(State[] states, List<Layer> layers) {
        for (FusedStepCell c : cells) {
            Variable h = Variable.constant(Tensor.of(c.h.clone(), 1, c.units()));
            Variable cs = c.c == null ? null : Variable.constant(Tensor.of(c.c.clone(), 1, c.units()));
            states[layers.indexOf(c.layer())] = new State(h, cs);
        }
    }

    /**
     * One step, or null when this input needs the general path (which then reports what is wrong
     * with it): token ids {@code [1, 1]} in range for an embedding, else {@code [1, 1, features]}.
     */
    Tensor step(Tensor input) {
        float[] in;
        int inOff;
        if (embedding != null) {
            if (input.rank() != 2 || input.dim(0) != 1 || input.dim(1) != 1) {
                return null;
            }
            double id = input.getFlat(0);
            if (id != Math.rint(id) || id < 0 || id >= embedding.inputDim()) {
                return null;
            }
            FloatView table = FloatView.of(embedding.weights().getFirst().value()); // [vocab, features]
            in = table.a();
            inOff = table.off() + (int) id * embedding.outputDim();
        } else {
            if (input.rank() != 3 || input.dim(0) != 1 || input.dim(1) != 1 || input.dim(2) != x.length
                    || input.dtype() != DType.FLOAT32) {
                return null;
            }
            FloatView v = FloatView.of(input);
            System.arraycopy(v.a(), v.off(), x, 0, x.length);
            in = x;
            inOff = 0;
        }
        for (FusedStepCell c : cells) {
            c.step(in, inOff);
            in = c.h;
            inOff = 0;
        }
        float[] out = dense == null ? in.clone() : dense(in);
        return sequenceOutput ? Tensor.of(out, 1, 1, out.length) : Tensor.of(out, 1, out.length);
    }

    /** {@code h W + b}, as Dense's matmul and add at batch 1. */
    private float[] dense(float[] h) {
        List<dev.recur.autodiff.Parameter> w = dense.weights(); // kernel [h, units], bias [units]
        FloatView kernel = FloatView.of(w.get(0).value());
        int n = dense.units();
        float[] y = new float[n];
        k.gemm(Transpose.N, Transpose.N, 1, n, h.length, 1f, h, 0, h.length, kernel.a(), kernel.off(), n, 0f, y, 0, n);
        if (w.size() > 1) {
            FloatView bias = FloatView.of(w.get(1).value());
            k.binary(Binary.ADD, y, 0, bias.a(), bias.off(), y, 0, n);
        }
        return y;
    }
}
