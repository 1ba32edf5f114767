package dev.recur.train;

import dev.recur.tensor.Tensor;

import java.util.Map;

/**
 * Hooks into {@link Trainer#fit}, Keras's callbacks: early stopping, checkpoints, logging, and
 * the CLI's progress bar and plots. Every method does nothing by default.
 *
 * <p>Order of calls: {@link #onTrainBegin} once (after the data, the model and any resumed
 * checkpoint are checked, before the first step: validate settings here so that mistakes fail
 * before training time is spent), then per epoch {@link #onEpochBegin}, {@link #onBatchEnd} after
 * every optimizer step, {@link #onEpochEnd} with the epoch's logs (validation included), and
 * {@link #onTrainEnd} once, also after an early stop. Logs are unmodifiable and ordered:
 * {@code loss}, the metrics, then {@code val_loss} and {@code val_<metric>}.
 *
 * <p>A callback with state that must survive a resumed run (a patience counter, the best value
 * so far) exports it with {@link #state()}, which checkpoints store as named tensors; a resumed
 * run gives it back with {@link #loadState} right after {@link #onTrainBegin} (which may reset
 * the state, as Keras's callbacks do).
 */
public interface Callback {

    /**
     * Before the first step (or the first step after resuming: then
     * {@link TrainingContext#lastCheckpoint()} gives the epoch and step the run continues from, and
     * {@link TrainingContext#history()} the epochs already done).
     */
    default void onTrainBegin(TrainingContext context) {
    }

    /** Before the first step of {@code epoch} (0-based); not called for an epoch resumed mid-way. */
    default void onEpochBegin(int epoch, TrainingContext context) {
    }

    /**
     * After each training step.
     *
     * @param batch 0-based index of the batch in its epoch
     * @param logs  this epoch's running averages so far ({@code loss} and the metrics), what a
     *              progress bar shows, plus {@code batch_loss}, this batch's own loss, and with
     *              gradient clipping {@code grad_norm}, the global gradient norm before clipping
     */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
    }

    /** After each epoch, with its logs (also recorded in {@link TrainingContext#history()}). */
    default void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
    }

    /** After the last epoch or a stop; {@code history.stopReason()} says why it stopped early. */
    default void onTrainEnd(History history, TrainingContext context) {
    }

    /** State to carry across a resumed run, by name; empty by default. */
    default Map<String, Tensor> state() {
        return Map.of();
    }

    /** Takes back a state exported by {@link #state()}. */
    default void loadState(Map<String, Tensor> state) {
    }
}
