package dev.recur.cli;

import dev.recur.tasks.classify.ClassificationReport;
import dev.recur.tasks.classify.LabeledTexts;
import dev.recur.tasks.classify.TextClassifier;
import dev.recur.train.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code recur classify evaluate}: accuracy, precision, recall, F1 and the confusion matrix on labelled texts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Accuracy, precision, recall, F1 (of the second label in sorted order for two labels, else"
                + " macro-averaged) and the confusion matrix of a saved classifier on labelled texts.",
        footer = {"", "Example:",
                "  recur classify evaluate --model imdb.safetensors --data $RECUR_DATA/imdb/test_sample.tsv --json"})
final class ClassifyEvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model saved by recur classify train.")
    Path model;

    @Mixin
    TextDataOptions data;

    @Option(names = "--json", description = "One JSON object (keys accuracy, precision, recall, f1, confusion, labels,"
            + " samples) instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextClassifier classifier = TextClassifier.load(model);
        LabeledTexts texts = data.read();
        ClassificationReport report = classifier.evaluate(texts);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(report.toMap()) + System.lineSeparator() : report.toString());
        out.flush();
        return 0;
    }
}
