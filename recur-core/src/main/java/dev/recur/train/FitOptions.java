package dev.recur.train;

import dev.recur.optim.GradientClipping;
import dev.recur.optim.LearningRateSchedule;
import dev.recur.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Trainer#fit} trains: Keras's {@code fit} arguments plus the seed, clipping,
 * checkpoints and resumption. Immutable and validated; start from {@link #defaults()}:
 * <pre>{@code
 * FitOptions.defaults().withEpochs(20).withBatchSize(64).withValidationSplit(0.2).withSeed(42)
 *     .withCallbacks(new EarlyStopping(...)).withCheckpoints(Path.of("run"), 100)
 * }</pre>
 *
 * @param epochs          passes over the training data, &gt;= 1; default 1
 * @param batchSize       samples per step, &gt;= 1 and at most the number of training samples; default 32
 *                        (the last batch of an epoch holds the remainder)
 * @param shuffle         whether each epoch visits the training samples in a new order drawn from the
 *                        seed; default true
 * @param seed            the one seed of the run: weight initialization, shuffling and dropout all derive
 *                        from it ({@link RandomStreams}); default 0
 * @param validationSplit fraction of the samples held out for validation, in [0, 1): the <em>last</em>
 *                        ones, taken before shuffling, as Keras does; default 0
 * @param validationX     validation inputs, or null; exclusive with validationSplit
 * @param validationY     validation targets, or null (given together with validationX)
 * @param classWeights    one weight per class (Keras's {@code class_weight}), or null
 * @param callbacks       called on training events, in order
 * @param clipping        gradient clipping applied before every step, or null
 * @param schedule        learning rate per step (evaluated at the optimizer's step count, Keras's
 *                        convention), or null to keep the optimizer's rate
 * @param checkpoints     where and how often to write checkpoints, or null
 * @param resumeFrom      a checkpoint directory to continue from, or null to start afresh
 * @param data            a description of the training data, recorded in saved models and checkpoints
 * @param truncatedBptt   train on windows of long sequences ({@link TruncatedBptt}), or null for
 *                        backpropagation through the whole sequence
 */
public record FitOptions(int epochs, int batchSize, boolean shuffle, long seed, double validationSplit,
                         Tensor validationX, Tensor validationY, double[] classWeights, List<Callback> callbacks,
                         GradientClipping clipping, LearningRateSchedule schedule, Checkpointing checkpoints,
                         Path resumeFrom, String data, TruncatedBptt truncatedBptt) {

    /**
     * Checkpoints of a run: {@value #FILE_NAME} in {@code directory}, rewritten atomically every
     * {@code everySteps} optimizer steps and at the end of every epoch.
     */
    public record Checkpointing(Path directory, int everySteps) {

        /** The checkpoint's file name in its directory. */
        public static final String FILE_NAME = "checkpoint.safetensors";

        public Checkpointing {
            Objects.requireNonNull(directory, "FitOptions.withCheckpoints: directory");
            if (everySteps < 1) {
                throw new IllegalArgumentException("FitOptions.withCheckpoints: everySteps must be at least 1 but got "
                        + everySteps + "; checkpoints are also written at the end of every epoch");
            }
        }

        /** The checkpoint file. */
        public Path file() {
            return directory.resolve(FILE_NAME);
        }
    }

    public FitOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("FitOptions: epochs must be at least 1 but got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("FitOptions: batchSize must be at least 1 but got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("FitOptions: validationSplit must be in [0, 1) but got " + validationSplit
                    + "; it is the fraction of samples held out, e.g. 0.2");
        }
        if ((validationX == null) != (validationY == null)) {
            throw new IllegalArgumentException("FitOptions: validation data needs both inputs and targets but got only "
                    + (validationX == null ? "targets" : "inputs"));
        }
        if (validationX != null && validationSplit > 0) {
            throw new IllegalArgumentException("FitOptions: give either validationSplit (" + validationSplit
                    + ") or validation data, not both");
        }
        if (classWeights != null) {
            classWeights = classWeights.clone();
            if (classWeights.length == 0) {
                throw new IllegalArgumentException("FitOptions: classWeights is empty; give one weight per class, or null");
            }
            for (int c = 0; c < classWeights.length; c++) {
                if (!(Double.isFinite(classWeights[c]) && classWeights[c] >= 0)) {
                    throw new IllegalArgumentException("FitOptions: class " + c + " has weight " + classWeights[c]
                            + "; class weights must be finite and non-negative");
                }
            }
        }
        Objects.requireNonNull(callbacks, "FitOptions: callbacks (use List.of() for none)");
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbacks.get(i) == null) {
                throw new IllegalArgumentException("FitOptions: callback " + i + " is null");
            }
        }
        callbacks = List.copyOf(callbacks);
        data = data == null ? "" : data;
    }

    /** Keras's defaults: 1 epoch, batches of 32, shuffled; seed 0; no validation, callbacks, clipping or checkpoints. */
    public static FitOptions defaults() {
        return new FitOptions(1, 32, true, 0L, 0.0, null, null, null, List.of(), null, null, null, null, "", null);
    }

    @Override
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    public FitOptions withEpochs(int epochs) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withBatchSize(int batchSize) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withShuffle(boolean shuffle) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withSeed(long seed) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withValidationSplit(double validationSplit) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withValidationData(Tensor x, Tensor y) {
        Objects.requireNonNull(x, "FitOptions.withValidationData: x");
        Objects.requireNonNull(y, "FitOptions.withValidationData: y");
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, x, y, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withClassWeights(double... classWeights) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withCallbacks(Callback... callbacks) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                List.of(callbacks), clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    /** These options with one more callback, called after the others. */
    public FitOptions withCallback(Callback callback) {
        List<Callback> all = new ArrayList<>(callbacks);
        all.add(Objects.requireNonNull(callback, "FitOptions.withCallback: callback"));
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                all, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withClipping(GradientClipping clipping) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    public FitOptions withSchedule(LearningRateSchedule schedule) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data, truncatedBptt);
    }

    /** Checkpoints in {@code directory} every {@code everySteps} steps and at every epoch's end. */
    public FitOptions withCheckpoints(Path directory, int everySteps) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, new Checkpointing(directory, everySteps), resumeFrom, data, truncatedBptt);
    }

    /**
     * Continues the run whose checkpoint is in {@code directory} (the CLI's {@code --resume}):
     * weights, optimizer state, epoch and step, history and callback state are restored, and the
     * run ends exactly as the uninterrupted run would have. The other options and the data must be
     * the ones of the interrupted run (checked); only {@code epochs} may grow.
     */
    public FitOptions withResumeFrom(Path directory) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, directory, data, truncatedBptt);
    }

    /** Records a description of the data (source, size, preprocessing) in saved models and checkpoints. */
    public FitOptions withData(String description) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, description, truncatedBptt);
    }

    /**
     * Truncated backpropagation through time (DL4J's {@code tBPTTForwardLength} and
     * {@code tBPTTBackwardLength}): each batch of sequences is cut into windows of
     * {@code forwardLength} steps, each window is one optimizer step, the recurrent state is
     * carried (detached) from window to window, and gradients flow back through at most the last
     * {@code backwardLength} steps of a window. See {@link TruncatedBptt}.
     */
    public FitOptions withTruncatedBptt(int forwardLength, int backwardLength) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, validationX, validationY, classWeights,
                callbacks, clipping, schedule, checkpoints, resumeFrom, data,
                new TruncatedBptt(forwardLength, backwardLength));
    }
}
