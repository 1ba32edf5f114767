package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * What a recurrent layer's {@link RecurrentLayer#call} returns: Keras's {@code output} and, for
 * {@code return_state}, the final states.
 *
 * @param output {@code [batch, time, units]} with {@code return_sequences} (in processing order,
 *               zeros at masked steps), else the last output {@code [batch, units]}: h after the
 *               last step that was not masked (the initial h for a fully masked row)
 * @param mask   the output's mask {@code [batch, time]}, reversed with {@code go_backwards} like the
 *               output (Keras passes it on unreversed, out of step with a reversed output); null
 *               without {@code return_sequences} or without an input mask
 * @param state  the final state, h {@code [batch, units]} and for an LSTM c {@code [batch, units]}
 */
public record RecurrentResult(Variable output, Tensor mask, State state) {
}
