package dev.recur.bench;

import dev.recur.data.text.Tokenizer;
import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import dev.recur.tasks.seq2seq.Seq2SeqTraining;
import dev.recur.tasks.seq2seq.TextPair;
import dev.recur.tasks.seq2seq.Translator;
import dev.recur.tensor.DType;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the sequence-to-sequence benchmarks share: the settings of one run, training with timing
 * and progress, and the JSON line of one model's figures.
 */
public final class Seq2SeqBench {

    /**
     * One benchmark run's settings.
     *
     * @param attentions the models to train, one per attention
     * @param embedding  token embedding size
     * @param units      hidden units
     * @param epochs     training epochs
     * @param batch      batch size
     * @param learningRate Adam's learning rate
     * @param seed       data split, initialisation and shuffling
     * @param bidirectional a bidirectional encoder ({@code units / 2} per direction)
     * @param patience   with validation pairs, epochs without a lower validation loss before stopping (0: never)
     */
    public record Settings(List<Seq2SeqConfig.AttentionType> attentions, int embedding, int units, int epochs, int batch,
                           double learningRate, long seed, boolean bidirectional, int patience) {

        public Settings {
            if (attentions.isEmpty() || embedding < 1 || units < 1 || epochs < 1 || batch < 1) {
                throw new IllegalArgumentException("benchmark settings need at least one attention and positive embedding,"
                        + " units, epochs and batch; got " + attentions + ", embedding=" + embedding + ", units=" + units
                        + ", epochs=" + epochs + ", batch=" + batch);
            }
        }
    }

    /** A trained model and how long training took. */
    public record Trained(Translator translator, double seconds, double finalLoss) {
    }

    private Seq2SeqBench() {
    }

    /**
     * Trains one model, telling {@code progress} a line per epoch. With validation pairs (those with
     * tokens outside the training vocabulary are left out), the best epoch's weights are kept.
     */
    public static Trained train(List<TextPair> pairs, List<TextPair> validation, Tokenizer.Level source,
                                Tokenizer.Level target, Seq2SeqConfig.AttentionType attention, Settings s,
                                Consumer<String> progress) {
        long t0 = System.nanoTime();
        double[] last = {Double.NaN};
        Seq2SeqConfig config = Seq2SeqConfig.lstm(attention, s.embedding(), s.units()).withBidirectional(s.bidirectional());
        Seq2SeqTraining.Options options = Seq2SeqTraining.Options.of(s.epochs(), s.batch())
                .withLearningRate(s.learningRate()).withSeed(s.seed()).withPatience(s.patience());
        Translator tr = Translator.create(pairs, source, target, config, DType.FLOAT32, s.seed());
        List<TextPair> scored = validation.stream().filter(tr::canEncode).toList();
        tr.fit(pairs, scored, options, (epoch, loss, valLoss) -> {
            last[0] = loss;
            progress.accept(String.format(Locale.ROOT, "%s epoch %d/%d loss %.4f%s (%.0f s)", name(attention), epoch,
                    s.epochs(), loss, Double.isNaN(valLoss) ? "" : String.format(Locale.ROOT, " val_loss %.4f", valLoss),
                    (System.nanoTime() - t0) / 1e9));
            return true;
        });
        return new Trained(tr, (System.nanoTime() - t0) / 1e9, last[0]);
    }

    /** Whether every character of {@code text} is in the translator's source vocabulary (else it cannot be read). */
    static boolean readable(Translator t, String text) {
        return text.codePoints().allMatch(cp -> t.source().contains(Character.toString(cp)));
    }

    /** The space-separated words of a text (none for a blank one). */
    static List<String> words(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.asList(text.trim().split(" +"));
    }

    /** A figure rounded to 4 decimals for output. */
    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** The attention's name in benchmark output: {@code none}, {@code bahdanau}, {@code luong}. */
    public static String name(Seq2SeqConfig.AttentionType a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    /** The start of a model's JSON line: bench, model, attention, size, training time. */
    static JsonLine line(String bench, Seq2SeqConfig.AttentionType a, Settings s, Trained t) {
        return new JsonLine().put("bench", bench)
                .put("model", (s.bidirectional() ? "bilstm" : "lstm") + s.units() + "-" + name(a))
                .put("attention", name(a)).put("bidirectional", s.bidirectional()).put("params", t.translator().model().countParams())
                .put("epochs", s.epochs()).put("batch", s.batch()).put("lr", s.learningRate()).put("train_seconds", Math.round(t.seconds() * 10) / 10.0)
                .put("final_loss", round(t.finalLoss()));
    }
}
