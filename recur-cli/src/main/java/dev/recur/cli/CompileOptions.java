package dev.recur.cli;

import dev.recur.loss.BinaryCrossEntropy;
import dev.recur.loss.CategoricalCrossEntropy;
import dev.recur.loss.Huber;
import dev.recur.loss.MeanAbsoluteError;
import dev.recur.loss.MeanSquaredError;
import dev.recur.loss.Predictions;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.Model;
import dev.recur.optim.OptimizerConfig;
import dev.recur.train.Metric;
import dev.recur.train.Metrics;
import dev.recur.train.Trainer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recur.train.ModelFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

import java.util.List;

/**
 * {@code --loss}, {@code --from-logits} and {@code --metrics}: Keras's {@code compile} arguments,
 * shared by the commands that train or evaluate a model.
 */
final class CompileOptions {

    /** The names {@code --metrics} takes. */
    static final List<String> METRICS = List.of("accuracy", "binary_accuracy", "mse", "mae", "perplexity");

    /** The name of the model-file attachment recording these options ({@link #toJson}). */
    static final String ATTACHMENT = "compile";

    @Option(names = "--loss", paramLabel = "NAME", converter = LossName.Converter.class,
            description = "mse, mae, huber, binary_crossentropy, categorical_crossentropy (one-hot targets) or"
                    + " sparse_categorical_crossentropy (class-index targets). Required to train; evaluate"
                    + " defaults to the loss the model was trained with.")
    LossName loss;

    @Option(names = "--from-logits",
            description = "The model outputs logits (no sigmoid or softmax at the end); for the cross-entropies.")
    boolean fromLogits;

    @Option(names = "--metrics", paramLabel = "NAME", split = ",",
            description = "Metrics to report besides the loss: accuracy, binary_accuracy, mse, mae, perplexity.")
    List<String> metrics = List.of();

    /** Fails on a combination that makes no sense, before any data is read. */
    void check() {
        if (loss == null) {
            throw new IllegalArgumentException("--loss is required: name the loss to train with, one of "
                    + String.join(", ", Choices.names(LossName.class)));
        }
        if (fromLogits && !loss.crossEntropy()) {
            throw new IllegalArgumentException("--from-logits applies to the cross-entropy losses, not to "
                    + loss.cliName() + "; leave it out");
        }
        metrics();
    }

    /** The model compiled with the loss and metrics asked for and this optimizer. */
    Trainer compile(Model model, OptimizerConfig optimizer) {
        check();
        Metric[] ms = metrics().toArray(Metric[]::new);
        boolean logits = fromLogits;
        return switch (loss) {
            case MSE -> Trainer.compile(model, new MeanSquaredError(), optimizer, ms);
            case MAE -> Trainer.compile(model, new MeanAbsoluteError(), optimizer, ms);
            case HUBER -> Trainer.compile(model, new Huber(), optimizer, ms);
            case BINARY_CROSSENTROPY -> Trainer.compile(model, logits ? BinaryCrossEntropy.fromLogits()
                    : BinaryCrossEntropy.fromProbabilities(), optimizer, ms);
            case CATEGORICAL_CROSSENTROPY -> Trainer.compile(model, logits ? CategoricalCrossEntropy.fromLogits()
                    : CategoricalCrossEntropy.fromProbabilities(), optimizer, ms);
            case SPARSE_CATEGORICAL_CROSSENTROPY -> Trainer.compile(model, logits
                    ? SparseCategoricalCrossEntropy.fromLogits() : SparseCategoricalCrossEntropy.fromProbabilities(),
                    optimizer, ms);
        };
    }

    /** These options as the JSON saved with a trained model: {@code {"loss":..,"from_logits":..,"metrics":[..]}}. */
    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("loss", loss.cliName());
        o.addProperty("from_logits", fromLogits);
        JsonArray ms = new JsonArray();
        metrics.forEach(m -> ms.add(m.strip()));
        o.add("metrics", ms);
        return o.toString();
    }

    /**
     * Fills the options the user left out from what a model was trained with ({@link #toJson}, saved
     * by {@code recur train}): the loss and {@code --from-logits} when {@code --loss} is absent, the
     * metrics when {@code --metrics} is absent.
     */
    void defaultsFrom(ModelFile.Loaded model, Path file) {
        String json = model.attachments().get(ATTACHMENT);
        if (json == null) {
            if (loss == null) {
                throw new IllegalArgumentException("--loss is required: " + file + " does not record the loss it was"
                        + " trained with (it was not saved by recur train); name one of " + String.join(", ", Choices.names(LossName.class)));
            }
            return;
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        if (loss == null) {
            loss = new LossName.Converter().convert(o.get("loss").getAsString());
            fromLogits = o.get("from_logits").getAsBoolean();
        }
        if (metrics.isEmpty()) {
            List<String> saved = new java.util.ArrayList<>();
            o.getAsJsonArray("metrics").forEach(m -> saved.add(m.getAsString()));
            metrics = saved;
        }
    }

    /** The metrics named by {@code --metrics}; probabilities or logits as {@code --from-logits} says. */
    List<Metric> metrics() {
        return metrics.stream().map(String::strip).map(name -> switch (name) {
            case "accuracy" -> Metrics.accuracy();
            case "binary_accuracy" -> fromLogits ? Metrics.binaryAccuracy(0.0) : Metrics.binaryAccuracy();
            case "mse" -> Metrics.mse();
            case "mae" -> Metrics.mae();
            case "perplexity" -> Metrics.perplexity(fromLogits ? Predictions.LOGITS : Predictions.PROBABILITIES);
            default -> throw new IllegalArgumentException("--metrics: unknown metric '" + name + "'; choose from "
                    + String.join(", ", METRICS));
        }).toList();
    }
}
