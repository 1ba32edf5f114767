/**
 * Recurrent layers and the cells they loop over time.
 *
 * <p><b>Layers</b> (Keras's names and defaults): {@link dev.recur.nn.rnn.SimpleRnn},
 * {@link dev.recur.nn.rnn.Lstm}, {@link dev.recur.nn.rnn.Gru}, each a
 * {@link dev.recur.nn.rnn.RecurrentLayer} that owns the time loop and its options
 * ({@link dev.recur.nn.rnn.RecurrentOptions}: returned sequence or last output, final states,
 * direction, masks, stateful carry-over, variational dropout, initial state), and
 * {@link dev.recur.nn.rnn.Bidirectional}. {@link dev.recur.nn.rnn.Stepper} runs a stack of
 * layers one step at a time for sampling and decoding. {@link dev.recur.nn.rnn.RecurrentLayers}
 * registers them for specifications such as {@code "Bidirectional(LSTM(64, return_sequences=true))"}.
 * <pre>{@code
 * Lstm encoder = new Lstm(256, RecurrentOptions.DEFAULTS.withReturnState(true));
 * RecurrentResult r = encoder.call(x, mask, null, ctx);   // r.output() [B, 256], r.state() (h, c)
 * }</pre>
 *
 * <p><b>Cells</b> (SimpleRNN, optionally layer-normalized; LSTM with peephole, coupled-gate,
 * cell-clipping and layer-normalization options; GRU in both reset conventions), each defined
 * twice: one time step composed from autodiff primitives, short enough to check against the
 * lecture equations ({@link dev.recur.nn.rnn.LstmCell#step}), and a fused float32 kernel over the
 * whole sequence with its hand-written backward pass (package-private {@code FusedLstm},
 * {@code FusedGru}, {@code FusedSimpleRnn}; layer-normalized cells have none). Tests prove the
 * kernels equal to the definitions, outputs and every gradient, cell by cell and layer by layer,
 * and the definitions correct by finite differences in float64.
 *
 * <p>Weights use Keras's layout and gate order, held in one place: {@link dev.recur.nn.rnn.GateLayout}.
 * Sequences are batch-first {@code [batch, time, features]}; masks follow Keras (a masked step
 * keeps the state and emits zeros). {@link dev.recur.nn.rnn.Recurrence} runs a cell over a sequence.
 */
package dev.recur.nn.rnn;
