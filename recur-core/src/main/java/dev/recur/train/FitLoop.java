package dev.recur.train;

import dev.recur.autodiff.Variable;
import dev.recur.io.AtomicFile;
import dev.recur.loss.Weighting;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.nn.Model;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * One call of {@link Trainer#fit}: every check in the constructor, before any training; then the
 * epoch and batch loop in {@link #run()}.
 *
 * <p>A step: gather the batch (in the epoch's order, drawn from {@code (seed, epoch)}), forward in
 * training mode with dropout drawn from {@code (seed, epoch, batch)}, loss, backward, clipping,
 * the schedule's learning rate, the optimizer's update. A batch whose loss or gradient norm is not
 * finite updates nothing (its NaN would otherwise spread into every weight and the optimizer's
 * moments); it is reported in the batch logs, where {@code TerminateOnNaN} stops the run.
 */
final class FitLoop implements TrainingContext {

    private final Trainer trainer;
    private final Model model;
    private final Objective objective;
    private final List<Metric> metrics;
    private final FitOptions options;
    private final Data train;        // [nTrain, ...] inputs and normalized targets
    private final Data validation;   // or null
    private final int stepsPerEpoch;
    private final RandomStreams streams;
    private final ClassWeighting classWeighting; // or null
    private final Map<String, DoubleUnaryOperator> finishers;
    private final List<String> logKeys;
    private final Map<String, String> run; // the facts a resumed run must share
    private final ModelFile.Provenance provenance;
    private final DType dtype;
    private final WindowedStep windowed; // truncated BPTT, or null
    private History history = new History();
    private String stopReason;
    private CheckpointInfo lastCheckpoint;
    private int startEpoch;
    private int startStep;
    private MeanTracker resumedRunning = new MeanTracker();
    private List<Map<String, Tensor>> resumedCallbackStates; // or null

    FitLoop(Trainer trainer, Tensor x, Tensor y, FitOptions options) {
        this.trainer = trainer;
        this.model = trainer.model();
        this.objective = trainer.objective();
        this.metrics = trainer.metrics();
        this.options = options;
        DataChecks.inputs(x, "fit: x");
        DataChecks.paired(x, y, "fit", "x", "y");
        Tensor vx = options.validationX();
        Tensor vy = options.validationY();
        if (vx != null) {
            DataChecks.inputs(vx, "fit: validation x");
            DataChecks.paired(vx, vy, "fit", "validation x", "validation y");
        }
        long fingerprint = DataChecks.finite(x, "fit: x") * 31 + DataChecks.finite(y, "fit: y");
        if (vx != null) {
            fingerprint = (fingerprint * 31 + DataChecks.finite(vx, "fit: validation x")) * 31
                    + DataChecks.finite(vy, "fit: validation y");
        }
        TruncatedBptt tbptt = options.truncatedBptt();
        trainer.ensureBuilt(tbptt == null ? Arrays.copyOfRange(x.shape(), 1, x.rank()) : WindowedStep.buildShape(x),
                options.seed());
        DataChecks.fitsModel(x, model.inputShape(), "fit: x");
        if (tbptt != null) {
            WindowedStep.check(model, tbptt, x.dim(1));
        }
        int[] out = DataChecks.outputShape(model, x);
        this.dtype = ModelFile.dtype(model);
        Data all = targets(x, y, out, "fit: y");
        trainer.checkMetrics(out);

        Data heldOut = vx == null ? null : fitsModel(vx, vy, DataChecks.outputShape(model, vx));
        int n = all.size();
        String where = "training samples";
        if (options.validationSplit() > 0) {
            int nTrain = (int) Math.ceil(n * (1 - options.validationSplit()));
            if (nTrain == n) {
                throw new IllegalArgumentException("fit: validationSplit " + options.validationSplit() + " of " + n
                        + " samples holds out no sample (the last " + n + " - ceil(" + n + " * (1 - split)) are held out);"
                        + " raise it to at least " + (1.0 / n) + " or pass validation data");
            }
            heldOut = all.slice(nTrain, n);
            all = all.slice(0, nTrain);
            where += " (after holding out the last " + (n - nTrain) + " of " + n + " for validation)";
        }
        this.train = all;
        this.validation = heldOut;
        DataChecks.batchSize(options.batchSize(), train.size(), where);
        this.stepsPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
        this.streams = new RandomStreams(options.seed());
        if (options.classWeights() != null) {
            classWeighting = new ClassWeighting(options.classWeights());
            classWeighting.check(objective, train.y(), out, "fit: classWeights");
        } else {
            classWeighting = null;
        }
        this.finishers = Evaluator.finishers(metrics);
        this.logKeys = logKeys(validation != null);
        this.provenance = new ModelFile.Provenance(options.seed(), options.data());
        this.run = runFacts(fingerprint);
        this.windowed = tbptt == null ? null : new WindowedStep(model, objective, trainer.optimizer(), options,
                classWeighting, dtype, WindowedStep.perStep(model));
        if (options.checkpoints() != null) {
            prepareDirectory(options.checkpoints().directory());
        }
    }

    /** Inputs with targets in the loss's form, every target checked against the loss. */
    private Data targets(Tensor x, Tensor y, int[] outputShape, String what) {
        Tensor normalized = objective.normalize(y, outputShape, what);
        objective.checkValues(normalized, outputShape, dtype, what);
        return new Data(x, normalized);
    }

    private Data fitsModel(Tensor vx, Tensor vy, int[] outputShape) {
        DataChecks.fitsModel(vx, model.inputShape(), "fit: validation x");
        return targets(vx, vy, outputShape, "fit: validation y");
    }

    private List<String> logKeys(boolean withValidation) {
        List<String> keys = new ArrayList<>();
        keys.add("loss");
        metrics.forEach(m -> keys.add(m.name()));
        if (withValidation) {
            new ArrayList<>(keys).forEach(k -> keys.add("val_" + k));
        }
        return List.copyOf(keys);
    }

    private Map<String, String> runFacts(long fingerprint) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("train_samples", Integer.toString(train.size()));
        facts.put("validation_samples", Integer.toString(validation == null ? 0 : validation.size()));
        facts.put("batch_size", Integer.toString(options.batchSize()));
        facts.put("shuffle", Boolean.toString(options.shuffle()));
        facts.put("seed", Long.toString(options.seed()));
        facts.put("data_fingerprint", Long.toHexString(fingerprint));
        facts.put("loss", objective.description());
        facts.put("optimizer", trainer.optimizer().config().toString());
        facts.put("metrics", logKeys.toString());
        facts.put("class_weights", Arrays.toString(options.classWeights()));
        facts.put("clipping", String.valueOf(options.clipping()));
        if (options.truncatedBptt() != null) {
            facts.put("truncated_bptt", options.truncatedBptt().toString());
        }
        return facts;
    }

    static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("fit: cannot create the checkpoint directory " + dir + " (" + e
                    + "). Choose a writable directory.", e);
        }
        AtomicFile.checkWritable(dir.resolve(FitOptions.Checkpointing.FILE_NAME));
    }

    // ---- the loop -----------------------------------------------------------------------------

    History run() {
        if (options.resumeFrom() != null) {
            resume(options.resumeFrom());
        }
        List<Callback> callbacks = options.callbacks();
        callbacks.forEach(c -> c.onTrainBegin(this));
        if (resumedCallbackStates != null) {
            for (int i = 0; i < callbacks.size(); i++) {
                callbacks.get(i).loadState(resumedCallbackStates.get(i));
            }
        }
        for (int epoch = startEpoch; epoch < options.epochs() && stopReason == null; epoch++) {
            boolean resumed = epoch == startEpoch && startStep > 0;
            MeanTracker tracker = resumed ? resumedRunning : new MeanTracker();
            if (!resumed) {
                model.resetStates();
                for (Callback c : callbacks) {
                    c.onEpochBegin(epoch, this);
                }
            }
            int[] order = options.shuffle() ? streams.permutation(epoch, train.size()) : identity(train.size());
            for (int b = resumed ? startStep : 0; b < stepsPerEpoch && stopReason == null; b++) {
                step(epoch, b, order, tracker, callbacks);
                long done = (long) epoch * stepsPerEpoch + b + 1;
                if (stopReason == null && options.checkpoints() != null && b + 1 < stepsPerEpoch
                        && done % options.checkpoints().everySteps() == 0) {
                    checkpoint(epoch, b + 1, tracker);
                }
            }
            if (stopReason != null) {
                break; // a stop within the epoch: its partial averages are not recorded
            }
            Map<String, Double> logs = tracker.means(finishers, "");
            if (validation != null) {
                logs.putAll(Evaluator.evaluate(model, objective, metrics, validation, options.batchSize(), "val_"));
            }
            history.add(logs);
            Map<String, Double> recorded = history.epoch(history.size() - 1);
            for (Callback c : callbacks) {
                c.onEpochEnd(epoch, recorded, this);
            }
            if (options.checkpoints() != null) {
                checkpoint(epoch + 1, 0, new MeanTracker());
            }
        }
        if (stopReason != null) {
            history.stop(stopReason);
        }
        for (Callback c : callbacks) {
            c.onTrainEnd(history, this);
        }
        return history;
    }

    private void step(int epoch, int b, int[] order, MeanTracker tracker, List<Callback> callbacks) {
        int size = options.batchSize();
        Data batch = train.rows(Data.batch(order, b * size, Math.min(train.size(), (b + 1) * size)));
        double lossValue;
        double gradNorm;
        Tensor predictions;
        Tensor outMask;
        if (windowed != null) {
            WindowedStep.Result r = windowed.run(batch, streams.dropout(epoch, b));
            lossValue = r.loss();
            gradNorm = r.gradNorm();
            predictions = r.predictions();
            outMask = r.mask();
        } else {
            Optimizer optimizer = trainer.optimizer();
            optimizer.zeroGrad();
            Masked out = model.forward(Masked.of(batch.x().to(dtype)), Context.training(streams.dropout(epoch, b)));
            Tensor sampleWeights = classWeighting == null ? null
                    : classWeighting.sampleWeights(objective, batch.y(), model.outputShape(), "fit: classWeights");
            Variable loss = objective.apply(out.value(), batch.y(), new Weighting(out.mask(), sampleWeights));
            UpdateStep update = UpdateStep.apply(loss, optimizer, options);
            lossValue = update.loss();
            gradNorm = update.gradNorm();
            predictions = out.value().value();
            outMask = out.mask();
        }
        int n = batch.size();
        tracker.add("loss", lossValue, n);
        for (Metric m : metrics) {
            tracker.add(m.name(), m.batchValue(predictions, batch.y(), outMask), n);
        }
        Map<String, Double> logs = tracker.means(finishers, "");
        logs.put("batch_loss", lossValue);
        if (options.clipping() != null) {
            logs.put("grad_norm", gradNorm);
        }
        Map<String, Double> view = java.util.Collections.unmodifiableMap(logs);
        for (Callback c : callbacks) {
            c.onBatchEnd(epoch, b, view, this);
        }
    }

    private void checkpoint(int epoch, int step, MeanTracker tracker) {
        Path file = options.checkpoints().file();
        Checkpoint.write(file, model, trainer.optimizer(), options.callbacks(),
                new Checkpoint.Progress(epoch, step, tracker.state(), history.epochs(), stopReason), run, provenance);
        lastCheckpoint = new CheckpointInfo(file, epoch, step);
    }

    private void resume(Path directory) {
        Checkpoint cp = Checkpoint.read(directory);
        resumedCallbackStates = cp.restore(model, trainer.optimizer(), options.callbacks(), run, options.epochs());
        Checkpoint.Progress p = cp.progress();
        history = History.of(p.history());
        startEpoch = p.epoch();
        startStep = p.step();
        resumedRunning = MeanTracker.of(p.running());
        stopReason = p.stopReason();
        lastCheckpoint = new CheckpointInfo(directory.resolve(FitOptions.Checkpointing.FILE_NAME), p.epoch(), p.step());
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    // ---- TrainingContext ----------------------------------------------------------------------

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Optimizer optimizer() {
        return trainer.optimizer();
    }

    @Override
    public FitOptions options() {
        return options;
    }

    @Override
    public int trainSamples() {
        return train.size();
    }

    @Override
    public int validationSamples() {
        return validation == null ? 0 : validation.size();
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public List<String> logKeys() {
        return logKeys;
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public void stopTraining(String reason) {
        if (stopReason == null) {
            stopReason = reason == null || reason.isBlank() ? "stopped by a callback" : reason;
        }
    }

    @Override
    public Optional<CheckpointInfo> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }
}
