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
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code --loss}, {@code --from-logits} and {@code --metrics}: Keras's {@code compile} arguments,
 * shared by the commands that train or evaluate a model.
 */
final class CompileOptions {

    /** The names {@code --metrics} takes. */
    static final List<String> METRICS = List.of("accuracy", "binary_accuracy", "mse", "mae", "perplexity");

    @Option(names = "--loss", paramLabel = "NAME", required = true, converter = LossName.Converter.class,
            description = "mse, mae, huber, binary_crossentropy, categorical_crossentropy (one-hot targets) or"
                    + " sparse_categorical_crossentropy (class-index targets).")
    LossName loss;

    @Option(names = "--from-logits",
            description = "The model outputs logits (no sigmoid or softmax at the end); for the cross-entropies.")
    boolean fromLogits;

    @Option(names = "--metrics", paramLabel = "NAME", split = ",",
            description = "Metrics to report besides the loss: accuracy, binary_accuracy, mse, mae, perplexity.")
    List<String> metrics = List.of();

    /** Fails on a combination that makes no sense, before any data is read. */
    void check() {
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
