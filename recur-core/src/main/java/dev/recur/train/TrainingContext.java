package dev.recur.train;

import dev.recur.nn.Model;
import dev.recur.optim.Optimizer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a {@link Callback} sees of the run it observes, and how it stops it. */
public interface TrainingContext {

    /** The model being trained. */
    Model model();

    /** The optimizer (its learning rate may be changed between steps). */
    Optimizer optimizer();

    /** The options the run was started with. */
    FitOptions options();

    /** Number of training samples (after any validation split). */
    int trainSamples();

    /** Number of validation samples; 0 without validation. */
    int validationSamples();

    /** Optimizer steps per epoch: {@code ceil(trainSamples / batchSize)}. */
    int stepsPerEpoch();

    /** The keys every epoch's logs hold, in order: {@code loss}, metrics, then {@code val_*}. */
    List<String> logKeys();

    /** The epochs finished so far. */
    History history();

    /** Asks the run to stop after the current step (mid-epoch) or epoch; the reason ends up in {@link History#stopReason()}. */
    void stopTraining(String reason);

    /** The last checkpoint this run wrote or resumed from, if any. */
    Optional<CheckpointInfo> lastCheckpoint();

    /**
     * A checkpoint on disk.
     *
     * @param file  the checkpoint file
     * @param epoch the epoch it resumes in (0-based)
     * @param step  the number of steps of that epoch already done
     */
    record CheckpointInfo(Path file, int epoch, int step) {
        @Override
        public String toString() {
            return file + " (epoch " + (epoch + 1) + ", after step " + step + ")";
        }
    }
}
