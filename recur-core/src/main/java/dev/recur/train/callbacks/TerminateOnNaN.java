package dev.recur.train.callbacks;

import dev.recur.train.Callback;
import dev.recur.train.TrainingContext;

import java.util.Map;

/**
 * Stops training at the first batch whose loss (or, with clipping, gradient norm) is NaN or
 * infinite: Keras's {@code TerminateOnNaN}. The trainer never applies such a batch's update, so
 * the model keeps the weights of the step before; no checkpoint is written after it, so the last
 * checkpoint on disk is a good one. The reason, with that checkpoint, is in
 * {@code History.stopReason()} and {@link #message()}.
 */
public final class TerminateOnNaN implements Callback {

    private String message;

    @Override
    public void onTrainBegin(TrainingContext context) {
        message = null;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
        double loss = logs.get("batch_loss");
        Double gradNorm = logs.get("grad_norm");
        String bad = !Double.isFinite(loss) ? "loss " + loss
                : gradNorm != null && !Double.isFinite(gradNorm) ? "gradient norm " + gradNorm : null;
        if (bad == null) {
            return;
        }
        message = "TerminateOnNaN: batch " + (batch + 1) + " of epoch " + (epoch + 1) + " had " + bad
                + "; training stopped without applying it. "
                + context.lastCheckpoint().map(c -> "The last good checkpoint is " + c + ".")
                .orElse("No checkpoint was written in this run (use FitOptions.withCheckpoints to keep one).")
                + " Possible cause: a learning rate too high, or exploding gradients; lower the rate or clip gradients";
        context.stopTraining(message);
    }

    /** Why training was stopped, or null if it was not. */
    public String message() {
        return message;
    }
}
