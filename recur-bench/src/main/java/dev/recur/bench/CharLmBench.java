package dev.recur.bench;

import dev.recur.data.text.Tokenizer;
import dev.recur.tasks.textgen.LanguageModel;
import dev.recur.tasks.textgen.LmData;
import dev.recur.tasks.textgen.TextFiles;
import dev.recur.tasks.textgen.TextTraining;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The character-level language-model benchmark: the default char model ({@link LanguageModel#DEFAULT_HIDDEN},
 * {@link TextTraining.Settings#defaults()}) trained on the first 90% of a text for a wall-time
 * budget, validated on the last 10% (a fixed subset of its windows), reporting at least every
 * minute in nats per character.
 */
public final class CharLmBench {

    /** The fraction of the text, from its end, held out for validation. */
    public static final double VALIDATION_FRACTION = 0.1;

    /**
     * What to train.
     *
     * @param text          the text file
     * @param minutes       wall-time budget
     * @param hidden        the hidden layers' specification
     * @param embedding     embedding width (0 for one-hot input)
     * @param settings      training settings
     * @param reportSeconds seconds between reports (at most 60)
     */
    public record Config(Path text, double minutes, String hidden, int embedding, TextTraining.Settings settings,
                         double reportSeconds) {
        public Config {
            if (!(minutes > 0)) {
                throw new IllegalArgumentException("bench charlm: --minutes must be > 0 but got " + minutes);
            }
            if (!(reportSeconds > 0 && reportSeconds <= 60)) {
                throw new IllegalArgumentException("bench charlm: the report interval must be in (0, 60] seconds but got "
                        + reportSeconds);
            }
        }

        public static Config defaults(Path text, double minutes) {
            return new Config(text, minutes, LanguageModel.DEFAULT_HIDDEN, LanguageModel.DEFAULT_EMBEDDING,
                    TextTraining.Settings.defaults(), 60);
        }
    }

    /**
     * One report.
     *
     * @param progress the training progress
     * @param vocab    the vocabulary size (characters + padding)
     */
    public record Line(TextTraining.Progress progress, int vocab) {

        public String toJson() {
            return new JsonLine().put("bench", "charlm").put("elapsed_s", round(progress.elapsedSeconds()))
                    .put("epoch", progress.epoch() + 1)
                    .put("tokens_seen", progress.tokensSeen()).put("tokens_per_s", round(progress.tokensPerSecond()))
                    .put("train_loss", round4(progress.trainLoss())).put("val_loss", round4(progress.valLoss())).toString();
        }

        public String toText() {
            return String.format(Locale.ROOT, "%7.1f s  epoch %2d  %,12d tokens  %8.0f tokens/s  train %.4f  val %.4f nats/char",
                    progress.elapsedSeconds(), progress.epoch() + 1, progress.tokensSeen(), progress.tokensPerSecond(),
                    progress.trainLoss(), progress.valLoss());
        }
    }

    private CharLmBench() {
    }

    /** Trains as configured, handing each report to {@code out}; returns the model (with its tokenizer). */
    public static LanguageModel run(Config config, Consumer<Line> out) {
        String text = TextFiles.read(config.text());
        Tokenizer tokenizer = LanguageModel.fitTokenizer(Tokenizer.Level.CHARACTER, text, null);
        LmData data = LmData.split(tokenizer.textToSequence(text), VALIDATION_FRACTION);
        int window = config.settings().seqLen() + 1;
        if (data.validation().length < window) {
            throw new IllegalArgumentException("bench charlm: the last 10% of " + config.text() + " holds "
                    + data.validation().length + " characters, fewer than one validation window of " + window
                    + "; give a longer text (or a shorter --seq-len)");
        }
        LanguageModel lm = LanguageModel.create(tokenizer, config.hidden(), config.embedding(), config.settings().seed());
        TextTraining training = new TextTraining(lm, data, config.settings());
        int vocab = tokenizer.vocabularySize();
        training.run(Integer.MAX_VALUE, config.minutes() * 60, config.reportSeconds(), p -> out.accept(new Line(p, vocab)));
        return lm;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
