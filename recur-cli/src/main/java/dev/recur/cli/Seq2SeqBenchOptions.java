package dev.recur.cli;

import dev.recur.bench.Seq2SeqBench;
import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The options every sequence-to-sequence benchmark shares (a picocli mixin). */
final class Seq2SeqBenchOptions {

    @Option(names = "--json", description = "One JSON object per model instead of a text line.")
    boolean json;

    @Option(names = "--attention", split = ",", paramLabel = "A",
            description = "Models to train: none, bahdanau, luong (comma-separated).")
    List<String> attention;

    @Option(names = "--embedding", paramLabel = "N", description = "Token embedding size.")
    Integer embedding;

    @Option(names = "--units", paramLabel = "N", description = "LSTM units of encoder and decoder.")
    Integer units;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs.")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size.")
    Integer batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam's learning rate.")
    Double learningRate;

    @Option(names = "--bidirectional", negatable = true, description = "A bidirectional encoder (units / 2 per direction).")
    Boolean bidirectional;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a lower validation loss (default: 0, never; the best epoch's"
                    + " weights are kept either way).")
    int patience;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    /** The settings, with the benchmark's defaults ({@code d}) where an option was not given. */
    Seq2SeqBench.Settings settings(Seq2SeqBench.Settings d) {
        List<Seq2SeqConfig.AttentionType> as = new ArrayList<>();
        if (attention == null) {
            as.addAll(d.attentions());
        } else {
            for (String a : attention) {
                as.add(attentionType(a));
            }
        }
        return new Seq2SeqBench.Settings(as, embedding != null ? embedding : d.embedding(),
                units != null ? units : d.units(), epochs != null ? epochs : d.epochs(), batch != null ? batch : d.batch(),
                learningRate != null ? learningRate : d.learningRate(), seed,
                bidirectional != null ? bidirectional : d.bidirectional(), patience);
    }

    static Seq2SeqConfig.AttentionType attentionType(String name) {
        try {
            return Seq2SeqConfig.AttentionType.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown attention '" + name + "'; choose one of none, bahdanau, luong");
        }
    }

    Consumer<String> progress(PrintWriter err) {
        return line -> {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        };
    }

    /** Prints a JSON line, or its key=value pairs as text. */
    Consumer<String> results(PrintWriter out) {
        return line -> {
            out.println(json ? line : line.replaceAll("[{}\"]", "").replace(",", "  ").replace(":", "="));
            out.flush();
        };
    }
}
