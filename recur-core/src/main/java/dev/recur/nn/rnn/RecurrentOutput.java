package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;

/**
 * What running a cell over a sequence returns.
 *
 * @param sequence the cell's output at every step, {@code [batch, time, units]}, in processing
 *                 order (reversed for {@link Direction#BACKWARD}); zeros at masked steps
 * @param last     the state after the last processed step (masked steps carry it unchanged)
 */
public record RecurrentOutput(Variable sequence, State last) {
}
