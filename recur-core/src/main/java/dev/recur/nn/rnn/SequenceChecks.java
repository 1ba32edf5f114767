package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

/** Validates what a cell is given, at the boundary, with messages that say what was expected. */
final class SequenceChecks {

    private SequenceChecks() {
    }

    /** x: {@code [batch, time, inputSize]}, non-empty, of the weights' type. */
    static void input(CellConfig c, Tensor x, DType weights) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException(c.kind() + " input must be [batch, time, features] but has shape "
                    + x.shapeString() + (x.rank() == 2 ? "; for a single time step use unsqueeze(1)" : ""));
        }
        if (x.dim(2) != c.inputSize()) {
            throw new IllegalArgumentException(c.kind() + " input has " + x.dim(2) + " features per step but the layer"
                    + " was built for " + c.inputSize() + " (input shape " + x.shapeString() + ").");
        }
        if (x.dim(0) == 0 || x.dim(1) == 0) {
            throw new IllegalArgumentException(c.kind() + " input has no " + (x.dim(0) == 0 ? "batch rows" : "time steps")
                    + " (input shape " + x.shapeString() + ")");
        }
        sameType(c, "input", x, weights);
    }

    /** One step's x: {@code [batch, inputSize]}. */
    static void stepInput(CellConfig c, Tensor x, DType weights) {
        if (x.rank() != 2 || x.dim(1) != c.inputSize()) {
            throw new IllegalArgumentException(c.kind() + " step input must be [batch, " + c.inputSize()
                    + "] but has shape " + x.shapeString());
        }
        sameType(c, "step input", x, weights);
    }

    /**
     * The mask, {@code [batch, time]} of 0 (skip the step) and 1 (use it), as flags indexed
     * {@code b * time + t}; null when there is no mask.
     */
    static boolean[] mask(CellConfig c, Tensor x, Tensor mask) {
        if (mask == null) {
            return null;
        }
        int batch = x.dim(0);
        int time = x.dim(1);
        if (!mask.hasShape(batch, time)) {
            throw new IllegalArgumentException(c.kind() + " mask has shape " + mask.shapeString() + " but the input "
                    + x.shapeString() + " needs " + Shapes.str(batch, time) + " (one 0/1 per batch row and time step)");
        }
        boolean[] active = new boolean[batch * time];
        for (int i = 0; i < active.length; i++) {
            double m = mask.getFlat(i);
            if (m != 0 && m != 1) {
                throw new IllegalArgumentException(c.kind() + " mask holds " + m + " at [" + i / time + ", " + i % time
                        + "]; a mask holds only 0 (skip the step) or 1 (use it)");
            }
            active[i] = m == 1;
        }
        return active;
    }

    /** The state: h (and c for an LSTM) of shape {@code [batch, units]}, of the weights' type. */
    static void state(CellConfig c, String what, State s, int batch, DType weights) {
        int[] expected = {batch, c.units()};
        check(c, what + " h", s.h().value(), expected, weights);
        if (c.hasCellState()) {
            if (s.c() == null) {
                throw new IllegalArgumentException(c.kind() + " " + what + " has no cell state c; an LSTM state is"
                        + " State.of(h, c)");
            }
            check(c, what + " c", s.c().value(), expected, weights);
        } else if (s.c() != null) {
            throw new IllegalArgumentException(c.kind() + " " + what + " has a cell state c but a " + c.kind()
                    + " carries only h; use State.of(h)");
        }
    }

    /** A recurrent dropout mask: {@code [batch, units]} of the weights' type. */
    static void recurrentDropout(CellConfig c, Tensor m, int batch, DType weights) {
        check(c, "recurrent dropout mask", m, new int[]{batch, c.units()}, weights);
    }

    private static void check(CellConfig c, String what, Tensor t, int[] expected, DType weights) {
        if (!t.hasShape(expected)) {
            throw new IllegalArgumentException(c.kind() + " " + what + " has shape " + t.shapeString() + " but needs "
                    + Shapes.str(expected) + " ([batch, units])");
        }
        sameType(c, what, t, weights);
    }

    private static void sameType(CellConfig c, String what, Tensor t, DType weights) {
        if (t.dtype() != weights) {
            throw new IllegalArgumentException(c.kind() + " " + what + " is " + t.dtype() + " but the weights are "
                    + weights + "; convert with Tensor.to(DType)");
        }
    }

    /** A zero state for {@code batch} rows. */
    static State zeroState(CellConfig c, int batch, DType dtype) {
        Variable h = Variable.constant(Tensor.zeros(dtype, batch, c.units()));
        return c.hasCellState() ? State.of(h, Variable.constant(Tensor.zeros(dtype, batch, c.units()))) : State.of(h);
    }
}
