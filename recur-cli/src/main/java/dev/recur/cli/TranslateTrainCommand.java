package dev.recur.cli;

import dev.recur.data.text.Tokenizer;
import dev.recur.tasks.seq2seq.PairsFile;
import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import dev.recur.tasks.seq2seq.Seq2SeqTraining;
import dev.recur.tasks.seq2seq.TextPair;
import dev.recur.tasks.seq2seq.Translator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code recur translate train}: trains an encoder-decoder on a file of {@code source<TAB>target} lines. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a translator on source<TAB>target lines (extra columns ignored) and save it as one file."})
final class TranslateTrainCommand implements Callable<Integer> {

    @Option(names = "--pairs", required = true, paramLabel = "FILE", description = "source<TAB>target lines, UTF-8.")
    Path pairs;

    @Option(names = "--level", paramLabel = "L", defaultValue = "char",
            description = "Tokens: char or word, both sides (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--attention", paramLabel = "A", defaultValue = "bahdanau",
            description = "bahdanau, luong or none (default: ${DEFAULT-VALUE}).")
    String attention;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "1",
            description = "Stacked LSTM layers in encoder and decoder (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--bidirectional", description = "A bidirectional encoder (units / 2 per direction).")
    boolean bidirectional;

    @Option(names = "--units", paramLabel = "N", defaultValue = "128", description = "LSTM units (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--embedding", paramLabel = "N", defaultValue = "64", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.003", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0",
            description = "Hold out this fraction of the (shuffled) pairs; after each epoch their loss is printed and the"
                    + " best epoch's weights are kept (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
            description = "With --validation-split: stop after N epochs without a lower validation loss (default: 0, never).")
    int patience;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The translator file to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Tokenizer.Level l = switch (level.toLowerCase(Locale.ROOT)) {
            case "char" -> Tokenizer.Level.CHARACTER;
            case "word" -> Tokenizer.Level.WORD;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --level '" + level + "'; choose char or word");
        };
        Seq2SeqConfig config = new Seq2SeqConfig(Seq2SeqConfig.CellType.LSTM, Seq2SeqBenchOptions.attentionType(attention),
                embedding, units, layers, bidirectional);
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--validation-split must be in [0, 1), got " + validationSplit);
        }
        Seq2SeqTraining.Options options = Seq2SeqTraining.Options.of(epochs, batch).withLearningRate(learningRate)
                .withSeed(seed).withPatience(patience);
        List<TextPair> data = PairsFile.read(pairs);
        List<TextPair> train = data;
        List<TextPair> held = List.of();
        if (validationSplit > 0) {
            List<TextPair> shuffled = new java.util.ArrayList<>(data);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            int n = (int) Math.round(shuffled.size() * validationSplit);
            train = shuffled.subList(0, shuffled.size() - n);
            held = shuffled.subList(shuffled.size() - n, shuffled.size());
        }
        PrintWriter err = spec.commandLine().getErr();
        Translator t = Translator.create(train, l, l, config, dev.recur.tensor.DType.FLOAT32, seed);
        List<TextPair> validation = held.stream().filter(t::canEncode).toList();
        if (validationSplit > 0) {
            err.printf(Locale.ROOT, "training on %d pairs, validating on %d%s%n", train.size(), validation.size(),
                    validation.size() < held.size() ? " (" + (held.size() - validation.size())
                            + " held-out pairs left out: tokens never seen in training)" : "");
        }
        t.fit(train, validation, options, (epoch, loss, valLoss) -> {
            err.printf(Locale.ROOT, "epoch %d/%d loss %.4f%s%n", epoch, epochs, loss,
                    Double.isNaN(valLoss) ? "" : String.format(Locale.ROOT, " val_loss %.4f", valLoss));
            err.flush();
            return true;
        });
        t.save(out, seed, pairs.getFileName().toString() + " (" + data.size() + " pairs)");
        spec.commandLine().getOut().println("saved " + out + " (" + t.model().countParams() + " parameters)");
        return 0;
    }
}
