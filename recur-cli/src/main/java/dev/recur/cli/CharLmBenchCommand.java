package dev.recur.cli;

import dev.recur.bench.CharLmBench;
import dev.recur.tasks.textgen.LanguageModel;
import dev.recur.tasks.textgen.TextTraining;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code recur bench charlm}: trains the default char model for a wall-time budget, reporting losses and tokens/s. */
@Command(name = "charlm", description = {
        "Train the default character-level LSTM language model on the first 90% of a text for a wall-time budget;",
        "report tokens/s and train/validation loss (nats/char, validation on the last 10%) at least every minute."},
        mixinStandardHelpOptions = true)
final class CharLmBenchCommand implements Callable<Integer> {

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "The text to train on (UTF-8).")
    Path text;

    @Option(names = "--minutes", required = true, paramLabel = "M", description = "Wall-time budget in minutes.")
    double minutes;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Option(names = "--layers", paramLabel = "SPEC", defaultValue = LanguageModel.DEFAULT_HIDDEN,
            description = "Hidden layers between the embedding and the output (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--embedding", paramLabel = "E", defaultValue = "" + LanguageModel.DEFAULT_EMBEDDING,
            description = "Embedding width, 0 for one-hot input (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--batch-size", paramLabel = "B", description = "Windows per step (default: 32).")
    Integer batchSize;

    @Option(names = "--seq-len", paramLabel = "N", description = "Steps per window (default: 100).")
    Integer seqLen;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam's learning rate (default: 0.002).")
    Double learningRate;

    @Option(names = "--report-seconds", paramLabel = "S", defaultValue = "60",
            description = "Seconds between reports, at most 60 (default: ${DEFAULT-VALUE}).")
    double reportSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TextTraining.Settings s = TextTraining.Settings.defaults();
        CharLmBench.Config config;
        try {
            s = batchSize == null ? s : s.withBatchSize(batchSize);
            s = seqLen == null ? s : s.withSeqLen(seqLen);
            s = learningRate == null ? s : s.withLearningRate(learningRate);
            config = new CharLmBench.Config(text, minutes, hidden, embedding, s, reportSeconds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        CharLmBench.run(config, line -> {
            out.println(json ? line.toJson() : line.toText());
            out.flush();
        });
        return 0;
    }
}
