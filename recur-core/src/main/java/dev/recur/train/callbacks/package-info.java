/**
 * Keras's standard callbacks for {@link dev.recur.train.Trainer#fit}:
 * {@link dev.recur.train.callbacks.EarlyStopping}, {@link dev.recur.train.callbacks.ModelCheckpoint},
 * {@link dev.recur.train.callbacks.TerminateOnNaN} and {@link dev.recur.train.callbacks.CsvLogger},
 * with the {@link dev.recur.train.callbacks.Monitor} they watch. Each checks its settings against
 * the run in {@code onTrainBegin}, before any training time is spent, and keeps its state across a
 * resumed run.
 */
package dev.recur.train.callbacks;
