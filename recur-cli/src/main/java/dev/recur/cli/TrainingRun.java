package dev.recur.cli;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Model;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.OptimizerConfig;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.ModelFile;
import dev.recur.train.RandomStreams;
import dev.recur.train.Trainer;
import dev.recur.train.callbacks.EarlyStopping;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One training run as {@link TrainingOptions} prepared it: the fit options (with the callbacks),
 * the optimizer, and, once {@link #train} has trained, the results printed and the model saved.
 * <pre>{@code
 * TrainingRun run = training.prepare(out);            // checks options and paths first
 * Sequential model = run.model(spec, sampleShape, "data.csv");
 * Trainer trainer = Trainer.compile(model, loss, run.optimizer(), metrics);
 * History history = run.train(trainer, x, y, "data.csv (1000 samples)");
 * }</pre>
 */
public final class TrainingRun {

    private final FitOptions fit;
    private final OptimizerConfig optimizer;
    private final Path out;
    private final EarlyStopping earlyStopping; // or null
    private final HistoryFiles history;
    private final PrintWriter output;
    private final Map<String, String> attachments = new java.util.LinkedHashMap<>();

    TrainingRun(FitOptions fit, OptimizerConfig optimizer, Path out, EarlyStopping earlyStopping, HistoryFiles history,
                PrintWriter output) {
        this.fit = fit;
        this.optimizer = optimizer;
        this.out = out;
        this.earlyStopping = earlyStopping;
        this.history = history;
        this.output = output;
    }

    /** The options of {@link Trainer#fit}, callbacks included. */
    public FitOptions fitOptions() {
        return fit;
    }

    /** The optimizer to compile with. */
    public OptimizerConfig optimizer() {
        return optimizer;
    }

    /**
     * The model of a specification. One that starts with {@code Input(...)} is built here for that
     * shape, after checking that the data's samples fit it; one without is built by {@code fit}
     * for the data's sample shape. Either way its weights are drawn from the run's seed.
     *
     * @param sampleShape the shape of one sample of the data (batch excluded)
     * @param source      the data's name in messages, e.g. the file
     */
    public Sequential model(LayerRegistry.ModelSpec spec, int[] sampleShape, String source) {
        int[] declared = spec.inputShape();
        if (declared == null) {
            return spec.model();
        }
        boolean fits = declared.length == sampleShape.length;
        for (int i = 0; fits && i < declared.length; i++) {
            fits = declared[i] == -1 || declared[i] == sampleShape[i];
        }
        if (!fits) {
            String input = Arrays.stream(declared).mapToObj(d -> d == -1 ? "None" : Integer.toString(d))
                    .collect(Collectors.joining(", ", "Input(", ")"));
            throw new IllegalArgumentException("--layers starts with " + input + " but the samples of " + source
                    + " have shape " + Shapes.str(sampleShape) + "; write Input(" + Arrays.stream(sampleShape)
                    .mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "), or leave Input out to take"
                    + " the shape from the data");
        }
        return spec.build(new BuildContext(DType.FLOAT32, new RandomStreams(fit.seed()).init()));
    }

    /**
     * Fails if {@code samples} cannot make one batch once the validation samples are held out, or
     * if {@code --validation-split} holds out none of them.
     */
    public void checkSamples(int samples, String source) {
        double split = fit.validationSplit();
        int train = (int) Math.ceil(samples * (1 - split)); // as fit splits
        if (split > 0 && train == samples) {
            throw new IllegalArgumentException("--validation-split " + split + " holds out none of the " + samples
                    + " samples of " + source + "; use at least " + (1.0 / samples) + ", or leave it out");
        }
        if (fit.batchSize() > train) {
            throw new IllegalArgumentException("--batch-size " + fit.batchSize() + " is larger than the " + train
                    + " training samples of " + source + (split > 0 ? " (" + samples + " samples, the last "
                    + (samples - train) + " held out by --validation-split " + split + ")" : "")
                    + "; use --batch-size " + train + " or less, or more data");
        }
    }

    /** Saves a named string (usually JSON: a tokenizer, the compile options) with the model; see {@link ModelFile#save(Model, Path, ModelFile.Provenance, Map)}. */
    public TrainingRun attach(String name, String value) {
        attachments.put(name, value);
        return this;
    }

    /** Trains with {@link #fitOptions()}, recording {@code data} as the data's description; see {@link #train(Trainer, Tensor, Tensor, FitOptions)}. */
    public History train(Trainer trainer, Tensor x, Tensor y, String data) {
        return train(trainer, x, y, fit.withData(data));
    }

    /**
     * Trains, saves the model to {@code --out} and prints the results: why training stopped
     * early, the metrics of the epoch whose weights were saved, where the model and the history
     * files are.
     *
     * @param options {@link #fitOptions()}, possibly with more settings (validation data)
     * @throws IllegalStateException when a batch's loss was not finite: the model is then not saved
     */
    public History train(Trainer trainer, Tensor x, Tensor y, FitOptions options) {
        History h = trainer.fit(x, y, options);
        String reason = h.stopReason().orElse(null);
        if (reason != null && reason.startsWith("TerminateOnNaN")) {
            throw new IllegalStateException(reason + ". The model was not saved to " + out + ".");
        }
        if (reason != null) {
            output.println("Stopped early: " + reason);
        }
        if (h.size() > 0) {
            int last = h.size() - 1;
            int kept = earlyStopping != null && earlyStopping.bestEpoch() >= 0 ? earlyStopping.bestEpoch() : last;
            Map<String, Double> logs = h.epoch(kept);
            String label = kept == last ? "Final epoch " + (kept + 1) + "/" + h.size()
                    : "Best epoch " + (kept + 1) + "/" + h.size() + " (its weights restored)";
            output.println(label + ": " + LogLine.of(logs, List.copyOf(logs.keySet())));
        }
        Model model = trainer.model();
        ModelFile.save(model, out, new ModelFile.Provenance(options.seed(), options.data()), attachments);
        output.println("Saved the model to " + out);
        List<Path> files = history.written();
        if (!files.isEmpty()) {
            output.println("History: " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        output.flush();
        return h;
    }
}
