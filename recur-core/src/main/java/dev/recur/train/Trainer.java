package dev.recur.train;

import dev.recur.loss.Loss;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Model;
import dev.recur.nn.graph.GraphModel;
import dev.recur.optim.Optimizer;
import dev.recur.optim.OptimizerConfig;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keras's {@code compile} / {@code fit} / {@code evaluate} / {@code predict} for a {@link Model}:
 * <pre>{@code
 * Trainer trainer = Trainer.compile(model, new MeanSquaredError(), Adam.defaults(), Metrics.mae());
 * History history = trainer.fit(x, y, FitOptions.defaults().withEpochs(20).withValidationSplit(0.2));
 * Map<String, Double> test = trainer.evaluate(xTest, yTest, 32);
 * Tensor predictions = trainer.predict(xNew, 32);
 * }</pre>
 *
 * <p>Targets are dense tensors shaped like the model's outputs, or, with
 * {@link SparseCategoricalCrossEntropy}, class indices: a float tensor of whole numbers shaped like
 * the outputs without their last dimension ({@code [N]}, or {@code [N, time]} for sequence
 * outputs; {@code [N, 1]} is accepted too), converted to {@code int[]} batch by batch.
 *
 * <p>A model that is not built yet is built by the first {@code fit} for the shape of its inputs,
 * with weights drawn from the run's seed; the optimizer is created then, and later {@code fit}s
 * continue with it, as in Keras. Inputs are converted to the weights' element type.
 */
public final class Trainer {

    private final Model model;
    private final Objective objective;
    private final OptimizerConfig optimizerConfig;
    private final List<Metric> metrics;
    private Optimizer optimizer; // created with the model's weights
    private List<OutputLoss> outputLosses; // one per output of a graph model compiled with them, else null

    private Trainer(Model model, Objective objective, OptimizerConfig optimizerConfig, Metric[] metrics) {
        this.model = Objects.requireNonNull(model, "compile: model");
        this.objective = objective;
        this.optimizerConfig = Objects.requireNonNull(optimizerConfig, "compile: optimizer (e.g. Adam.defaults())");
        this.metrics = List.of(metrics);
        Set<String> names = new HashSet<>();
        for (Metric m : this.metrics) {
            String name = Metrics.checkName(m.name());
            if (!names.add(name)) {
                throw new IllegalArgumentException("compile: two metrics are named '" + name + "'; each metric's name is"
                        + " its key in the logs, so names must be unique");
            }
        }
        if (model.isBuilt()) {
            optimizer = optimizerConfig.build(model.parameters());
        }
    }

    /** Trains {@code model} on targets shaped like its outputs. */
    public static Trainer compile(Model model, Loss loss, OptimizerConfig optimizer, Metric... metrics) {
        return new Trainer(model, Objective.of(loss), optimizer, metrics);
    }

    /** Trains {@code model} on class-index targets. */
    public static Trainer compile(Model model, SparseCategoricalCrossEntropy loss, OptimizerConfig optimizer,
                                  Metric... metrics) {
        return new Trainer(model, Objective.of(loss), optimizer, metrics);
    }

    /**
     * Trains a graph model of several inputs or outputs: one loss per output, the total loss their
     * weighted sum (Keras's {@code loss} list and {@code loss_weights}); fit, evaluate and predict
     * then take one tensor per input and per output, in the model's order. Metrics are not
     * supported on this path yet.
     */
    public static Trainer compile(GraphModel model, List<OutputLoss> losses, OptimizerConfig optimizer) {
        Objects.requireNonNull(model, "compile: model");
        if (losses.size() != model.outputs().size()) {
            throw new IllegalArgumentException("compile: model " + model.name() + " has " + model.outputs().size()
                    + " outputs but got " + losses.size() + " losses; give one OutputLoss per output, in order");
        }
        Trainer t = new Trainer(model, losses.getFirst().objective(), optimizer, new Metric[0]);
        t.outputLosses = List.copyOf(losses);
        return t;
    }

    /** Trains on one tensor per model input ({@code [N, ...]} each) and one target tensor per output. */
    public History fit(List<Tensor> xs, List<Tensor> ys, FitOptions options) {
        Objects.requireNonNull(options, "fit: options (use FitOptions.defaults())");
        return new MultiFitLoop(this, xs, ys, options).run();
    }

    /** The total loss and, with several outputs, each output's loss over the data, in inference mode. */
    public Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, int batchSize) {
        GraphModel g = graph("evaluate");
        requireBuilt("evaluate");
        checkBatchSize("evaluate", batchSize);
        MultiFitLoop.check(g, xs, ys, "evaluate");
        return MultiFitLoop.evaluate(g, outputLosses, lossKeys(), MultiFitLoop.normalize(this, g, xs, ys, "evaluate"),
                batchSize, "");
    }

    /** One output tensor per model output for one input tensor per model input, computed in batches. */
    public List<Tensor> predict(List<Tensor> xs, int batchSize) {
        requireBuilt("predict");
        checkBatchSize("predict", batchSize);
        if (!(model instanceof GraphModel g)) {
            throw new IllegalArgumentException("predict: a list of inputs needs a GraphModel, but the model is "
                    + model.getClass().getSimpleName() + "; pass one tensor");
        }
        MultiFitLoop.check(g, xs, null, "predict");
        DType dtype = ModelFile.dtype(model);
        List<List<Tensor>> parts = new ArrayList<>();
        int n = xs.getFirst().dim(0);
        g.resetStates();
        for (int start = 0; start < n; start += batchSize) {
            int s = start;
            parts.add(g.predict(xs.stream().map(x -> x.slice(0, s, Math.min(n, s + batchSize)).to(dtype)).toList()));
        }
        List<Tensor> out = new ArrayList<>();
        for (int o = 0; o < g.outputs().size(); o++) {
            int k = o;
            out.add(Tensor.concat(0, parts.stream().map(p -> p.get(k)).toArray(Tensor[]::new)));
        }
        return out;
    }

    /**
     * Trains the model (Keras's {@code fit}). Everything is checked before the first step: the data
     * (shapes, NaN and infinite values, targets against the loss), the batch size, the validation
     * split, the class weights, the metrics, writable paths, and a resumed checkpoint.
     *
     * @param x inputs // [N, ...]
     * @param y targets // [N, ...] (see the class documentation)
     */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        Objects.requireNonNull(options, "fit: options (use FitOptions.defaults())");
        if (model instanceof GraphModel g && (g.inputs().size() > 1 || g.outputs().size() > 1)) {
            throw new IllegalArgumentException("fit: model " + g.name() + " has " + g.inputs().size() + " inputs and "
                    + g.outputs().size() + " outputs; pass lists, fit(List.of(x1, x2), List.of(y1, ...), options),"
                    + " after compile(model, List.of(OutputLoss.of(loss), ...), optimizer)");
        }
        return new FitLoop(this, x, y, options).run();
    }

    /**
     * The loss and metrics over {@code (x, y)} in inference mode, each batch weighted by its size
     * (Keras's {@code evaluate}).
     */
    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize) {
        requireBuilt("evaluate");
        checkBatchSize("evaluate", batchSize);
        DataChecks.inputs(x, "evaluate: x");
        DataChecks.paired(x, y, "evaluate", "x", "y");
        DataChecks.fitsModel(x, model.inputShape(), "evaluate: x");
        DataChecks.finite(x, "evaluate: x");
        DataChecks.finite(y, "evaluate: y");
        int[] out = DataChecks.outputShape(model, x);
        Tensor targets = objective.normalize(y, out, "evaluate: y");
        objective.checkValues(targets, out, ModelFile.dtype(model), "evaluate: y");
        checkMetrics(out);
        return Evaluator.evaluate(model, objective, metrics, new Data(x, targets), batchSize, "");
    }

    /** The model's outputs for {@code x}, computed in batches without recording gradients (Keras's {@code predict}). */
    public Tensor predict(Tensor x, int batchSize) {
        requireBuilt("predict");
        checkBatchSize("predict", batchSize);
        DataChecks.inputs(x, "predict: x");
        DataChecks.fitsModel(x, model.inputShape(), "predict: x");
        DataChecks.finite(x, "predict: x");
        return Evaluator.predict(model, x, batchSize);
    }

    public Model model() {
        return model;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** The optimizer, created when the model was built. */
    public Optimizer optimizer() {
        if (optimizer == null) {
            throw new IllegalStateException("optimizer: the model is not built yet, so the optimizer has no parameters;"
                    + " call fit first or build the model before compile");
        }
        return optimizer;
    }

    // ---- for FitLoop --------------------------------------------------------------------------

    Objective objective() {
        return objective;
    }

    /** Builds the model for inputs of this shape with weights from the seed, if not built, and creates the optimizer. */
    void ensureBuilt(int[] inputShape, long seed) {
        if (!model.isBuilt()) {
            model.build(new BuildContext(DType.FLOAT32, new RandomStreams(seed).init()), inputShape);
        }
        if (optimizer == null) {
            optimizer = optimizerConfig.build(model.parameters());
        }
    }

    /** Builds a graph model for inputs of these shapes with weights from the seed, if not built, and creates the optimizer. */
    void ensureBuilt(List<int[]> inputShapes, long seed) {
        if (!model.isBuilt()) {
            graph("fit").build(new BuildContext(DType.FLOAT32, new RandomStreams(seed).init()), inputShapes);
        }
        if (optimizer == null) {
            optimizer = optimizerConfig.build(model.parameters());
        }
    }

    /** The model as a graph compiled with one loss per output, for the list forms. */
    GraphModel graph(String op) {
        if (!(model instanceof GraphModel g) || outputLosses == null) {
            throw new IllegalArgumentException(op + ": lists of inputs and targets need a GraphModel compiled with"
                    + " compile(model, List.of(OutputLoss.of(loss), ...), optimizer)");
        }
        return g;
    }

    List<OutputLoss> outputLosses() {
        return outputLosses;
    }

    /** {@code loss}, then with several outputs {@code <output>_loss} for each (Keras's names). */
    List<String> lossKeys() {
        List<String> keys = new ArrayList<>();
        keys.add("loss");
        List<String> names = ((GraphModel) model).outputNames();
        if (names.size() > 1) {
            names.forEach(n -> keys.add(n + "_loss"));
        }
        return keys;
    }

    void checkMetrics(int[] outputShape) {
        int[] targetShape = objective.targetShape(outputShape);
        for (Metric m : metrics) {
            m.check(outputShape, targetShape);
        }
    }

    private void requireBuilt(String what) {
        if (!model.isBuilt()) {
            throw new IllegalStateException(what + ": the model is not built, so it has no weights yet; train it with fit"
                    + " (or build it) first");
        }
    }

    private static void checkBatchSize(String what, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(what + ": batchSize must be at least 1 but got " + batchSize);
        }
    }

    @Override
    public String toString() {
        return "Trainer(" + model.spec() + ", " + objective.name() + ", " + optimizerConfig + ", metrics "
                + Arrays.toString(metrics.stream().map(Metric::name).toArray()) + ")";
    }
}
