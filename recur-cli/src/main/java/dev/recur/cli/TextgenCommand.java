package dev.recur.cli;

import dev.recur.data.text.Tokenizer;
import dev.recur.inference.Sampler;
import dev.recur.tasks.textgen.LanguageModel;
import dev.recur.tasks.textgen.LmData;
import dev.recur.tasks.textgen.TextFiles;
import dev.recur.tasks.textgen.TextTraining;
import dev.recur.train.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code recur textgen}: trains a character- or word-level language model on a text, printing samples as it goes. */
@Command(name = "textgen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a character- or word-level language model on a text and save it with its tokenizer.",
                "Samples at a few temperatures are printed at every report; the last part of the text validates."},
        footer = {"", "Examples:",
                "  recur textgen --text input.txt --minutes 20 --out shakespeare.safetensors",
                "  recur textgen --text alice.txt --level word --seq-len 20 --epochs 10 --out alice-words.safetensors",
                "Then: recur generate --model shakespeare.safetensors --prime \"ROMEO:\" --temperature 0.8"})
final class TextgenCommand implements Callable<Integer> {

    static final double[] SAMPLE_TEMPERATURES = {0.2, 0.5, 1.0};

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "The text to learn (UTF-8).")
    Path text;

    @Option(names = "--level", paramLabel = "char|word", defaultValue = "char",
            description = "Tokens: characters (case and punctuation kept) or words (Keras defaults: lower case, "
                    + "punctuation filtered, an OOV token) (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--layers", paramLabel = "SPEC", defaultValue = LanguageModel.DEFAULT_HIDDEN,
            description = "Hidden layers between the input (embedding or one-hot) and the output Dense(vocab), which are"
                    + " added for you (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--embedding", paramLabel = "E", defaultValue = "" + LanguageModel.DEFAULT_EMBEDDING,
            description = "Embedding width; 0 for one-hot input (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--seq-len", paramLabel = "N", defaultValue = "100",
            description = "Tokens per training window (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "32",
            description = "Windows per step; streams with --stateful (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--stateful", description = "Cut the text into batch-size contiguous streams and carry the state "
            + "from window to window (truncated BPTT) instead of shuffling independent windows; reports then come at the"
            + " end of epochs.")
    boolean stateful;

    @ArgGroup(exclusive = true)
    Budget budget = new Budget();

    static final class Budget {
        @Option(names = "--minutes", paramLabel = "M", description = "Train for M minutes of wall time.")
        Double minutes;

        @Option(names = "--epochs", paramLabel = "E", description = "Train for E passes over the text (default: 1).")
        Integer epochs;
    }

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.002",
            description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0.1",
            description = "Fraction of the text, from its end, held out for validation (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--max-words", paramLabel = "N", defaultValue = "10000",
            description = "Word level: keep the N - 1 most frequent words, the rest become <OOV> (default: ${DEFAULT-VALUE}).")
    int maxWords;

    @Option(names = "--report-seconds", paramLabel = "S", defaultValue = "60",
            description = "Seconds between reports and samples (default: ${DEFAULT-VALUE}).")
    double reportSeconds;

    @Option(names = "--sample-length", paramLabel = "N", defaultValue = "200",
            description = "Tokens per printed sample (default: ${DEFAULT-VALUE}).")
    int sampleLength;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of weights, windows and samples.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the model (.safetensors).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (!level.equals("char") && !level.equals("word")) {
            throw new IllegalArgumentException("--level must be char or word but got '" + level + "'");
        }
        Tokenizer.Level tokens = level.equals("char") ? Tokenizer.Level.CHARACTER : Tokenizer.Level.WORD;
        if (!(reportSeconds > 0) || sampleLength < 0) {
            throw new IllegalArgumentException("--report-seconds must be > 0 and --sample-length >= 0, got "
                    + reportSeconds + " and " + sampleLength);
        }
        int epochs = budget.epochs != null ? budget.epochs : budget.minutes != null ? Integer.MAX_VALUE : 1;
        double seconds = budget.minutes != null ? budget.minutes * 60 : Double.POSITIVE_INFINITY;
        String book = TextFiles.read(text);
        Tokenizer tokenizer = LanguageModel.fitTokenizer(tokens, book, maxWords);
        LmData data = LmData.split(tokenizer.textToSequence(book), validationSplit);
        LanguageModel lm = LanguageModel.create(tokenizer, hidden, embedding, seed);
        TextTraining.Settings settings = TextTraining.Settings.defaults().withSeqLen(seqLen).withBatchSize(batchSize)
                .withStateful(stateful).withLearningRate(learningRate).withSeed(seed);
        TextTraining training = new TextTraining(lm, data, settings);
        String prime = tokenizer.sequenceToText(Arrays.copyOf(data.train(),
                Math.min(data.train().length, tokens == Tokenizer.Level.CHARACTER ? 20 : 5)));
        w.printf(Locale.ROOT, "%s: %,d %s tokens (%,d train, %,d validation), vocabulary %d; %s%n", text,
                data.train().length + data.validation().length, level, data.train().length, data.validation().length,
                tokenizer.vocabularySize(), lm.model().spec());
        w.flush();
        TextTraining.Progress last = training.run(epochs, seconds, reportSeconds, p -> {
            w.printf(Locale.ROOT, "epoch %d  %.0f s  %,d tokens (%.0f/s)  loss %.4f  val_loss %.4f (perplexity %.2f)%n",
                    p.epoch() + 1, p.elapsedSeconds(), p.tokensSeen(), p.tokensPerSecond(), p.trainLoss(), p.valLoss(),
                    Math.exp(p.valLoss()));
            for (double t : SAMPLE_TEMPERATURES) {
                String s = lm.generator().generate(prime, sampleLength, Sampler.temperature(t), new SplittableRandom(seed),
                        null, x -> { });
                w.printf(Locale.ROOT, "--- temperature %.1f:%n%s%s%n", t, prime, s);
            }
            w.flush();
        });
        lm.save(out, new ModelFile.Provenance(seed, text.getFileName() + ", " + level + " level"));
        w.printf(Locale.ROOT, "saved %s (validation loss %.4f nats/%s, perplexity %.2f)%n", out, last.valLoss(),
                tokens == Tokenizer.Level.CHARACTER ? "char" : "word", Math.exp(last.valLoss()));
        return 0;
    }
}
