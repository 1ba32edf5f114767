/**
 * Training: Keras's {@code compile} / {@code fit} / {@code evaluate} / {@code predict}
 * ({@link dev.recur.train.Trainer}, {@link dev.recur.train.FitOptions}, {@link dev.recur.train.History}),
 * metrics ({@link dev.recur.train.Metrics}, custom ones with {@link dev.recur.train.Metric#of}),
 * callbacks ({@link dev.recur.train.Callback}; the standard ones in
 * {@code dev.recur.train.callbacks}), model files ({@link dev.recur.train.ModelFile}) and
 * checkpoints that resume a killed run bit for bit (stateful recurrent layers' carried state
 * included). Long sequences train with truncated backpropagation through time
 * ({@link dev.recur.train.FitOptions#withTruncatedBptt}, {@link dev.recur.train.TruncatedBptt}).
 *
 * <p><b>Reproducibility.</b> One seed makes a run reproducible bit for bit for any thread count:
 * every random stream (weight initialization, each epoch's shuffle, each batch's dropout) is derived
 * from the seed and counters by {@link dev.recur.train.RandomStreams}, never from a generator's
 * running state, and the kernels' results do not depend on the thread count. A checkpoint therefore
 * needs only weights, optimizer state and counters (plus the epoch's running sums, the history and
 * the callbacks' state) for a resumed run to end exactly where the uninterrupted run ends.
 *
 * <p><b>Checks first.</b> Everything that can be checked is checked before the first step: shapes,
 * NaN or infinite values (naming the sample), targets against the loss (naming the sample), a batch
 * size larger than the data (an error naming both numbers: never clamped), empty data, class
 * weights, metrics, unwritable output paths, and a resumed checkpoint's consistency with the run.
 */
package dev.recur.train;
