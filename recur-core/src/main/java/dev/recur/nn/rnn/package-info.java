/**
 * Recurrent cells (SimpleRNN, LSTM with peephole, coupled-gate and cell-clipping options, GRU in
 * both reset conventions), each defined twice: one time step composed from autodiff primitives,
 * short enough to check against the lecture equations ({@link dev.recur.nn.rnn.LstmCell#step}),
 * and a fused float32 kernel over the whole sequence with its hand-written backward pass
 * (package-private {@code FusedLstm}, {@code FusedGru}, {@code FusedSimpleRnn}). Tests prove the
 * kernels equal to the definitions, outputs and every gradient, and the definitions correct by
 * finite differences in float64.
 *
 * <p>Weights use Keras's layout and gate order, held in one place: {@link dev.recur.nn.rnn.GateLayout}.
 * Sequences are batch-first {@code [batch, time, features]}; masks follow Keras (a masked step
 * keeps the state and emits zeros). {@link dev.recur.nn.rnn.Recurrence} runs a cell over a sequence.
 */
package dev.recur.nn.rnn;
