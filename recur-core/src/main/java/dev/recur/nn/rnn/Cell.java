package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

/**
 * A recurrent cell: its configuration, its weights, one time step written from autodiff
 * primitives (the reference definition), and the whole sequence through its fused kernel.
 */
public sealed interface Cell permits SimpleRnnCell, LstmCell, GruCell {

    CellConfig config();

    /** The weights' element type; inputs and states must have it too. */
    DType dtype();

    /**
     * One step of the reference definition.
     *
     * @param x        the step's input, {@code [batch, inputSize]}
     * @param previous the state before the step, {@code [batch, units]} each
     * @return the state after the step; its h is the step's output
     */
    default State step(Variable x, State previous) {
        return step(x, previous, null);
    }

    /**
     * One step of the reference definition with variational recurrent dropout (Gal and
     * Ghahramani 2016): h_{t-1} is multiplied by the mask where it enters the recurrent products
     * (also through the reset gate of a GRU), while the state carried on (a GRU's
     * {@code z * h_{t-1}}, an LSTM's c) is not. The same mask serves every step of a sequence.
     *
     * @param recurrentDropout {@code [batch, units]}, 0 where a unit is dropped and
     *                         {@code 1 / (1 - rate)} where kept; null for no dropout
     */
    State step(Variable x, State previous, Tensor recurrentDropout);

    /**
     * The cell over a whole sequence: the fused kernel for float32, the reference composition for
     * float64 (see {@link Recurrence#run}).
     *
     * @param x         {@code [batch, time, inputSize]}
     * @param mask      {@code [batch, time]} of 0 (skip the step) and 1, or null
     * @param direction the order of the time steps
     * @param initial   the state before the first step, or null for zeros
     */
    default RecurrentOutput run(Variable x, Tensor mask, Direction direction, State initial) {
        return Recurrence.run(this, x, mask, direction, initial);
    }
}
