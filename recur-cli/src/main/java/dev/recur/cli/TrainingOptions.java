package dev.recur.cli;

import dev.recur.io.AtomicFile;
import dev.recur.optim.GradientClipping;
import dev.recur.train.FitOptions;
import dev.recur.train.callbacks.EarlyStopping;
import dev.recur.train.callbacks.Monitor;
import dev.recur.train.callbacks.TerminateOnNaN;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options of every command that trains ({@code train}, and the tasks' training commands),
 * mixed in with {@code @Mixin} so that each means the same everywhere. {@link #prepare} checks
 * them, and every path they name, before any data is read, and turns them into a
 * {@link TrainingRun}: the fit options, the optimizer and the callbacks.
 *
 * <p>A command wanting other defaults creates the mixin itself:
 * {@code @Mixin TrainingOptions training = new TrainingOptions(20, 64);}.
 */
public final class TrainingOptions {

    /** The optimizer steps between two checkpoints when {@code --checkpoint-every} is not given: only epoch ends. */
    static final int EPOCH_ENDS_ONLY = Integer.MAX_VALUE;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per optimizer step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME", converter = OptimizerName.Converter.class,
            description = "sgd, rmsprop, adam, adamw or adagrad, with Keras's defaults (default: adam).")
    OptimizerName optimizer = OptimizerName.ADAM;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: the optimizer's: 0.01 for sgd, 0.001 for the others).")
    Double learningRate;

    @Option(names = "--clip-norm", paramLabel = "MAX",
            description = "Scale all gradients together so that their global L2 norm is at most MAX (default: no clipping).")
    Double clipNorm;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the run: weights, shuffling and dropout all derive from it (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--validation-split", paramLabel = "FRACTION",
            description = "Hold out this fraction of the samples, the last ones, for validation (default: none).")
    double validationSplit = 0;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without improvement of val_loss (loss without validation) and keep the"
                    + " best epoch's weights.")
    Integer patience;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to save the trained model (default: ${DEFAULT-VALUE}); checked before training.")
    Path out = Path.of("model.safetensors");

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write a checkpoint to DIR at the end of every epoch, so that --resume can continue the run.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS",
            description = "Also write a checkpoint every STEPS optimizer steps (needs --checkpoint-dir).")
    Integer checkpointEvery;

    @Option(names = "--resume",
            description = "Continue the run whose checkpoint is in --checkpoint-dir, with the same data and options"
                    + " (--epochs may grow).")
    boolean resume;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Write history.csv, history.json and the training curves (loss.png, loss.svg, one pair per"
                    + " metric) to DIR.")
    Path historyDir;

    @Option(names = "--quiet", description = "No progress output: only results and errors.")
    boolean quiet;

    /** Defaults: 10 epochs of batches of 32. */
    public TrainingOptions() {
        this(10, 32);
    }

    /** A command's own defaults for {@code --epochs} and {@code --batch-size}. */
    public TrainingOptions(int epochs, int batchSize) {
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    /** The run's seed ({@code --seed}), for commands that draw random numbers of their own. */
    public long seed() {
        return seed;
    }

    /** Where the model will be saved ({@code --out}). */
    public Path out() {
        return out;
    }

    /** {@link #prepare(PrintWriter, boolean)} with validation only from {@code --validation-split}. */
    public TrainingRun prepare(PrintWriter output) {
        return prepare(output, false);
    }

    /**
     * Checks the options and the paths they name, and turns them into a run. Call it before
     * reading the data, so that a mistake costs nothing.
     *
     * @param output         where progress and results go
     * @param validationData whether the command passes validation data of its own (then
     *                       {@code --patience} watches {@code val_loss} too)
     */
    public TrainingRun prepare(PrintWriter output, boolean validationData) {
        checkNumbers();
        AtomicFile.checkWritable(out);
        checkCheckpoints();
        boolean validation = validationData || validationSplit > 0;
        FitOptions fit = FitOptions.defaults().withEpochs(epochs).withBatchSize(batchSize).withSeed(seed)
                .withValidationSplit(validationSplit);
        if (clipNorm != null) {
            fit = fit.withClipping(GradientClipping.byGlobalNorm(clipNorm));
        }
        if (checkpointDir != null) {
            fit = fit.withCheckpoints(checkpointDir, checkpointEvery == null ? EPOCH_ENDS_ONLY : checkpointEvery);
        }
        if (resume) {
            fit = fit.withResumeFrom(checkpointDir);
        }
        // The same callback classes in every run with these options, whatever is printed or written,
        // so that a run resumes whether or not --quiet or --history are given.
        fit = fit.withCallback(new TerminateOnNaN());
        EarlyStopping earlyStopping = null;
        if (patience != null) {
            String monitor = validation ? "val_loss" : "loss";
            earlyStopping = new EarlyStopping(EarlyStopping.Config.defaults().withMonitor(monitor, Monitor.Mode.MIN)
                    .withPatience(patience).withRestoreBestWeights(true));
            fit = fit.withCallback(earlyStopping);
        }
        HistoryFiles history = new HistoryFiles(historyDir);
        ProgressListener progress = ProgressListener.create(ProgressListener.Mode.detect(quiet), output);
        fit = fit.withCallback(history).withCallback(progress);
        return new TrainingRun(fit, optimizer.config(learningRate), out, earlyStopping, history, output);
    }

    private void checkNumbers() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate
                    + " (typical: 0.001 for adam, 0.01 for sgd)");
        }
        if (clipNorm != null && !(clipNorm > 0 && Double.isFinite(clipNorm))) {
            throw new IllegalArgumentException("--clip-norm must be a positive number, got " + clipNorm + " (typical: 1.0)");
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("--validation-split must be at least 0 and below 1, got " + validationSplit
                    + " (e.g. 0.2 holds out the last 20% of the samples)");
        }
        if (patience != null && patience < 0) {
            throw new IllegalArgumentException("--patience must be 0 or more epochs, got " + patience);
        }
    }

    private void checkCheckpoints() {
        if (checkpointDir == null) {
            if (resume) {
                throw new IllegalArgumentException("--resume needs --checkpoint-dir DIR, the directory the interrupted"
                        + " run wrote its checkpoints to");
            }
            if (checkpointEvery != null) {
                throw new IllegalArgumentException("--checkpoint-every needs --checkpoint-dir DIR, where to write them");
            }
            return;
        }
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 1 step, got " + checkpointEvery);
        }
        Path file = checkpointDir.resolve(FitOptions.Checkpointing.FILE_NAME);
        HistoryFiles.createDirectory(checkpointDir, "--checkpoint-dir");
        AtomicFile.checkWritable(file);
        if (resume && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--resume: there is no checkpoint in " + checkpointDir + " (no file "
                    + FitOptions.Checkpointing.FILE_NAME + "). Possible cause: the run stopped before the end of its first"
                    + " epoch, or wrote its checkpoints elsewhere; run without --resume, or give that run's --checkpoint-dir");
        }
        if (!resume && Files.exists(file)) {
            throw new IllegalArgumentException("--checkpoint-dir " + checkpointDir + " already holds a checkpoint of"
                    + " another run; add --resume to continue it, or choose an empty directory to start afresh");
        }
    }
}
