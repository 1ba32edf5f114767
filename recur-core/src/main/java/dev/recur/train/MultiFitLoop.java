package dev.recur.train;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.loss.Weighting;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.nn.graph.GraphModel;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Trainer#fit(List, List, FitOptions)} for a {@link GraphModel} of several inputs or
 * outputs: the same steps as {@link FitLoop} (order from {@code (seed, epoch)}, dropout from
 * {@code (seed, epoch, batch)}, non-finite batches skipped, clipping, schedule, callbacks,
 * validation split, checkpoints and resume), with the total loss the weighted sum of the outputs'
 * losses. Logs {@code loss} and, with several outputs, {@code <output>_loss} for each.
 */
final class MultiFitLoop implements TrainingContext {

    private final Trainer trainer;
    private final GraphModel model;
    private final List<OutputLoss> losses;
    private final FitOptions options;
    private final Samples train;
    private final Samples validation; // or null
    private final int stepsPerEpoch;
    private final RandomStreams streams;
    private final List<String> logKeys;
    private final Map<String, String> run;
    private final ModelFile.Provenance provenance;
    private final DType dtype;
    private History history = new History();
    private String stopReason;
    private CheckpointInfo lastCheckpoint;
    private int startEpoch;
    private int startStep;
    private MeanTracker resumedRunning = new MeanTracker();
    private List<Map<String, Tensor>> resumedCallbackStates;

    /** Inputs and normalized targets, each {@code [N, ...]}. */
    record Samples(List<Tensor> xs, List<Tensor> ys) {
        int size() {
            return xs.getFirst().dim(0);
        }

        Samples slice(int start, int end) {
            return new Samples(xs.stream().map(t -> t.slice(0, start, end)).toList(),
                    ys.stream().map(t -> t.slice(0, start, end)).toList());
        }

        Samples rows(int[] idx) {
            return new Samples(xs.stream().map(t -> Data.rows(t.contiguous(), idx)).toList(),
                    ys.stream().map(t -> Data.rows(t.contiguous(), idx)).toList());
        }
    }

    MultiFitLoop(Trainer trainer, List<Tensor> xs, List<Tensor> ys, FitOptions options) {
        this.trainer = trainer;
        this.model = trainer.graph("fit");
        this.losses = trainer.outputLosses();
        this.options = options;
        if (options.validationX() != null || options.classWeights() != null) {
            throw new IllegalArgumentException("fit: a model of several inputs or outputs takes validationSplit but not"
                    + " validation data or class weights yet; use withValidationSplit");
        }
        long fingerprint = check(model, xs, ys, "fit");
        trainer.ensureBuilt(xs.stream().map(x -> Arrays.copyOfRange(x.shape(), 1, x.rank())).toList(), options.seed());
        this.dtype = ModelFile.dtype(model);
        Samples all = normalize(trainer, model, xs, ys, "fit");
        Samples heldOut = null;
        int n = all.size();
        if (options.validationSplit() > 0) {
            int nTrain = (int) Math.ceil(n * (1 - options.validationSplit()));
            if (nTrain == n) {
                throw new IllegalArgumentException("fit: validationSplit " + options.validationSplit() + " of " + n
                        + " samples holds out no sample; raise it to at least " + (1.0 / n));
            }
            heldOut = all.slice(nTrain, n);
            all = all.slice(0, nTrain);
        }
        this.train = all;
        this.validation = heldOut;
        DataChecks.batchSize(options.batchSize(), train.size(), "training samples");
        this.stepsPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
        this.streams = new RandomStreams(options.seed());
        List<String> keys = new ArrayList<>(trainer.lossKeys());
        if (validation != null) {
            new ArrayList<>(keys).forEach(k -> keys.add("val_" + k));
        }
        this.logKeys = List.copyOf(keys);
        this.provenance = new ModelFile.Provenance(options.seed(), options.data());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("train_samples", Integer.toString(train.size()));
        facts.put("validation_samples", Integer.toString(validation == null ? 0 : validation.size()));
        facts.put("batch_size", Integer.toString(options.batchSize()));
        facts.put("shuffle", Boolean.toString(options.shuffle()));
        facts.put("seed", Long.toString(options.seed()));
        facts.put("data_fingerprint", Long.toHexString(fingerprint));
        facts.put("loss", losses.toString());
        facts.put("optimizer", trainer.optimizer().config().toString());
        facts.put("clipping", String.valueOf(options.clipping()));
        this.run = facts;
        if (options.checkpoints() != null) {
            FitLoop.prepareDirectory(options.checkpoints().directory());
        }
    }

    /** Counts, pairing and finiteness of the inputs and targets; returns a fingerprint of the data. */
    static long check(GraphModel model, List<Tensor> xs, List<Tensor> ys, String op) {
        if (xs.size() != model.inputs().size()) {
            throw new IllegalArgumentException(op + ": model " + model.name() + " has " + model.inputs().size()
                    + " inputs " + model.inputNames() + " but received "
                    + xs.size() + " input tensors; pass one per input, in the order of the model's inputs");
        }
        if (ys != null && ys.size() != model.outputs().size()) {
            throw new IllegalArgumentException(op + ": model " + model.name() + " has " + model.outputs().size()
                    + " outputs but received " + ys.size() + " target tensors; pass one per output");
        }
        long fingerprint = 0;
        for (int i = 0; i < xs.size(); i++) {
            DataChecks.inputs(xs.get(i), op + ": x[" + i + "]");
            DataChecks.paired(xs.getFirst(), xs.get(i), op, "x[0]", "x[" + i + "]");
            fingerprint = fingerprint * 31 + DataChecks.finite(xs.get(i), op + ": x[" + i + "]");
            if (model.isBuilt()) {
                DataChecks.fitsModel(xs.get(i), model.inputShapes().get(i), op + ": x[" + i + "]");
            }
        }
        for (int i = 0; ys != null && i < ys.size(); i++) {
            DataChecks.paired(xs.getFirst(), ys.get(i), op, "x[0]", "y[" + i + "]");
            fingerprint = fingerprint * 31 + DataChecks.finite(ys.get(i), op + ": y[" + i + "]");
        }
        return fingerprint;
    }

    /** Targets in each loss's form, checked against it. */
    static Samples normalize(Trainer trainer, GraphModel model, List<Tensor> xs, List<Tensor> ys, String op) {
        List<Tensor> targets = new ArrayList<>();
        List<OutputLoss> losses = trainer.outputLosses();
        for (int i = 0; i < ys.size(); i++) {
            int[] out = model.outputShapes().get(i);
            Objective o = losses.get(i).objective();
            Tensor t = o.normalize(ys.get(i), out, op + ": y[" + i + "]");
            o.checkValues(t, out, ModelFile.dtype(model), op + ": y[" + i + "]");
            targets.add(t.contiguous());
        }
        return new Samples(xs.stream().map(Tensor::contiguous).toList(), targets);
    }

    /** The weighted total loss and each output's loss for one batch. */
    static Variable loss(List<OutputLoss> losses, List<Masked> outs, List<Tensor> ys, MeanTracker tracker,
                         List<String> keys, int n) {
        Variable total = null;
        List<Variable> each = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            Variable li = losses.get(i).objective().apply(outs.get(i).value(), ys.get(i), Weighting.mask(outs.get(i).mask()));
            each.add(li);
            Variable weighted = li.mul(losses.get(i).weight());
            total = total == null ? weighted : total.add(weighted);
        }
        tracker.add("loss", total.value().item(), n);
        for (int i = 0; keys.size() > 1 && i < each.size(); i++) {
            tracker.add(keys.get(i + 1), each.get(i).value().item(), n);
        }
        return total;
    }

    /** Loss logs over {@code data} in inference mode. */
    static Map<String, Double> evaluate(GraphModel model, List<OutputLoss> losses, List<String> keys, Samples data,
                                        int batchSize, String prefix) {
        MeanTracker tracker = new MeanTracker();
        DType dtype = ModelFile.dtype(model);
        model.resetStates();
        try (var noGrad = GradMode.noGrad()) {
            for (int start = 0; start < data.size(); start += batchSize) {
                Samples b = data.slice(start, Math.min(data.size(), start + batchSize));
                List<Masked> outs = model.forwardAll(b.xs().stream().map(x -> Masked.of(x.to(dtype))).toList(),
                        Context.inference());
                loss(losses, outs, b.ys(), tracker, keys, b.size());
            }
        }
        return tracker.means(Map.of(), prefix);
    }

    History run() {
        if (options.resumeFrom() != null) {
            Checkpoint cp = Checkpoint.read(options.resumeFrom());
            resumedCallbackStates = cp.restore(model, trainer.optimizer(), options.callbacks(), run, options.epochs());
            Checkpoint.Progress p = cp.progress();
            history = History.of(p.history());
            startEpoch = p.epoch();
            startStep = p.step();
            resumedRunning = MeanTracker.of(p.running());
            stopReason = p.stopReason();
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
                break;
            }
            Map<String, Double> logs = tracker.means(Map.of(), "");
            if (validation != null) {
                logs.putAll(evaluate(model, losses, trainer.lossKeys(), validation, options.batchSize(), "val_"));
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
        Samples batch = train.rows(Data.batch(order, b * size, Math.min(train.size(), (b + 1) * size)));
        Optimizer optimizer = trainer.optimizer();
        optimizer.zeroGrad();
        List<Masked> outs = model.forwardAll(batch.xs().stream().map(x -> Masked.of(x.to(dtype))).toList(),
                Context.training(streams.dropout(epoch, b)));
        Variable loss = loss(losses, outs, batch.ys(), tracker, trainer.lossKeys(), batch.size());
        UpdateStep update = UpdateStep.apply(loss, optimizer, options);
        double lossValue = update.loss();
        double gradNorm = update.gradNorm();
        Map<String, Double> logs = tracker.means(Map.of(), "");
        logs.put("batch_loss", lossValue);
        if (options.clipping() != null) {
            logs.put("grad_norm", gradNorm);
        }
        Map<String, Double> view = Collections.unmodifiableMap(logs);
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

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    @Override
    public GraphModel model() {
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
