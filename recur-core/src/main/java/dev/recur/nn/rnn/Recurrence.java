package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * Runs a cell over a sequence: {@link #reference} loops the cell's one-step definition over time
 * (the definition of a recurrent layer, with Keras's masking), {@link #run} takes the fused
 * kernel for float32. Tests prove the two equal, to the last gradient.
 */
public final class Recurrence {

    private Recurrence() {
    }

    /**
     * The cell over x: the fused kernel for float32, the reference composition for float64
     * (gradient checks) and for layer-normalized cells (which have no fused kernel). Arguments as
     * in {@link #reference}.
     */
    public static RecurrentOutput run(Cell cell, Variable x, Tensor mask, Direction direction, State initial) {
        StepPlan plan = plan(cell, x, mask, direction);
        State start = initial(cell, initial, plan.batch());
        if (cell.dtype() != DType.FLOAT32 || cell.config().layerNorm()) {
            return loop(cell, x, mask, plan, start, null);
        }
        return switch (cell) {
            case LstmCell lstm -> FusedLstm.apply(lstm, x, plan, start);
            case GruCell gru -> FusedGru.apply(gru, x, plan, start);
            case SimpleRnnCell rnn -> FusedSimpleRnn.apply(rnn, x, plan, start);
        };
    }

    /**
     * The reference definition: for each step {@code s = 0..T-1} at time t (s, or T-1-s going
     * backward), {@code state = cell.step(x[:, t], state)}. A masked (row, step) keeps the
     * previous state and emits zeros, as in Keras; a fully masked row keeps its initial state.
     *
     * @param x         {@code [batch, time, inputSize]}
     * @param mask      {@code [batch, time]} of 0 and 1, or null for every step
     * @param direction the order of the time steps; the sequence is returned in processing order
     * @param initial   the state before the first step, or null for zeros
     */
    public static RecurrentOutput reference(Cell cell, Variable x, Tensor mask, Direction direction, State initial) {
        return reference(cell, x, mask, direction, initial, null);
    }

    /**
     * The reference definition with variational recurrent dropout: the same keep mask
     * {@code [batch, units]} at every step (see {@link Cell#step(Variable, State, Tensor)}); null for none.
     * The fused kernels have no recurrent dropout, so training with it runs this loop (as Keras
     * leaves cuDNN when {@code recurrent_dropout > 0}).
     */
    public static RecurrentOutput reference(Cell cell, Variable x, Tensor mask, Direction direction, State initial,
                                            Tensor recurrentDropout) {
        StepPlan plan = plan(cell, x, mask, direction);
        return loop(cell, x, mask, plan, initial(cell, initial, plan.batch()), recurrentDropout);
    }

    private static RecurrentOutput loop(Cell cell, Variable x, Tensor mask, StepPlan plan, State start,
                                        Tensor recurrentDropout) {
        State state = start;
        Variable[] outputs = new Variable[plan.time()];
        for (int s = 0; s < plan.time(); s++) {
            int t = plan.timeAt(s);
            State next = cell.step(x.select(1, t), state, recurrentDropout);
            if (mask == null) {
                state = next;
                outputs[s] = next.h();
            } else {
                Tensor m = mask.select(1, t).reshape(plan.batch(), 1).to(cell.dtype()); // [B, 1]
                state = new State(Variable.where(m, next.h(), state.h()),
                        next.c() == null ? null : Variable.where(m, next.c(), state.c()));
                outputs[s] = Variable.where(m, next.h(), Variable.constant(Tensor.zeros(cell.dtype(), 1)));
            }
        }
        return new RecurrentOutput(Variable.stack(1, outputs), state);
    }

    private static StepPlan plan(Cell cell, Variable x, Tensor mask, Direction direction) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(direction, "direction");
        Tensor v = x.value();
        SequenceChecks.input(cell.config(), v, cell.dtype());
        return new StepPlan(v.dim(0), v.dim(1), direction, SequenceChecks.mask(cell.config(), v, mask));
    }

    private static State initial(Cell cell, State initial, int batch) {
        if (initial == null) {
            return SequenceChecks.zeroState(cell.config(), batch, cell.dtype());
        }
        SequenceChecks.state(cell.config(), "initial state", initial, batch, cell.dtype());
        return initial;
    }

    /** Validates one step's input, state and recurrent dropout mask. */
    static void checkStep(Cell cell, Variable x, State previous, Tensor recurrentDropout) {
        SequenceChecks.stepInput(cell.config(), x.value(), cell.dtype());
        SequenceChecks.state(cell.config(), "state", previous, x.value().dim(0), cell.dtype());
        if (recurrentDropout != null) {
            SequenceChecks.recurrentDropout(cell.config(), recurrentDropout, x.value().dim(0), cell.dtype());
        }
    }

    /** h times the recurrent dropout mask, or h itself without one. */
    static Variable dropped(Variable h, Tensor recurrentDropout) {
        return recurrentDropout == null ? h : h.mul(Variable.constant(recurrentDropout));
    }
}
