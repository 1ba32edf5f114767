package dev.recur.cli;

import dev.recur.tasks.classify.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code recur classify predict}: the label and its probability for each text. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print the predicted label and its probability, one tab-separated line per text.",
        footer = {"", "Examples:",
                "  recur classify predict --model imdb.safetensors --text \"A wonderful, moving film.\"",
                "  recur classify predict --model imdb.safetensors --data reviews.txt   # one text per line"})
final class ClassifyPredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model saved by recur classify train.")
    Path model;

    @Option(names = "--text", paramLabel = "TEXT", description = "A text to classify (repeatable).")
    List<String> texts = List.of();

    @Option(names = "--data", paramLabel = "FILE", description = "A file of texts, one per line.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (texts.isEmpty() == (file == null)) {
            throw new IllegalArgumentException("give either --text TEXT (repeatable) or --data FILE (one text per line)");
        }
        TextClassifier classifier = TextClassifier.load(model);
        PrintWriter out = spec.commandLine().getOut();
        if (!texts.isEmpty()) {
            for (String t : texts) {
                TextClassifier.Prediction p = classifier.predict(t);
                out.println(p.label() + "\t" + String.format(Locale.ROOT, "%.4f", p.probability()));
            }
        } else {
            List<String> lines = lines(file);
            int unknown = classifier.countWithoutKnownWords(lines);
            for (TextClassifier.Prediction p : classifier.predictAll(lines)) {
                out.println(p.label() + "\t" + String.format(Locale.ROOT, "%.4f", p.probability()));
            }
            if (unknown > 0) {
                spec.commandLine().getErr().println("recur classify predict: note: " + unknown + " of " + lines.size()
                        + " texts have no word of the model's vocabulary; their predictions mean little");
            }
        }
        out.flush();
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("--data " + file + " holds no text; give one text per line");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --data " + file + ": " + e.getMessage(), e);
        }
    }
}
