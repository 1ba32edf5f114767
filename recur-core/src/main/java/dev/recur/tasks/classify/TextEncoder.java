package dev.recur.tasks.classify;

import dev.recur.data.ConfigReader;
import dev.recur.data.text.Sequences;
import dev.recur.data.text.Standardizer;
import dev.recur.data.text.Standardizer.PunctuationMode;
import dev.recur.data.text.Tokenizer;
import dev.recur.data.text.Vocabulary;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts to model inputs: standardize (lower-case, strip HTML such as {@code <br />}, punctuation),
 * split into words, index them with a vocabulary of the {@code numWords} most frequent training
 * words (index 0 padding, then the OOV indices, one or several hashed buckets), then either pad
 * to {@code maxlen} ids (Keras {@code pad_sequences}, pre by default) or count words into
 * vectors of the vocabulary's size (the bag-of-words baseline).
 *
 * <p>{@code numWords} counts padding and OOV indices, as Keras's {@code num_words} and
 * {@code max_tokens} do: 10,000 gives an Embedding of input_dim 10,000.
 */
public final class TextEncoder {

    /** What {@link #encode} produces. */
    public enum Vectorization {
        /** Ids padded to {@code maxlen}: {@code [N, maxlen]}, for an Embedding. */
        SEQUENCE,
        /** Word counts: {@code [N, vocabulary size]} (Keras {@code texts_to_matrix(mode="count")}). */
        COUNTS,
        /** 1 where a word occurs: {@code [N, vocabulary size]} (Keras {@code mode="binary"}, the textbook's multi-hot). */
        MULTI_HOT
    }

    /**
     * The encoder's settings.
     *
     * @param standardizer  clean-up before splitting on spaces
     * @param numWords      vocabulary size including padding and OOV indices
     * @param oovBuckets    OOV indices (1: one {@code <OOV>} index; more: hashed buckets; 0: unknown words dropped)
     * @param maxlen        sequence length (SEQUENCE only)
     * @param padding       where short sequences are padded
     * @param truncating    which end of long sequences is cut
     * @param vectorization ids or bag-of-words vectors
     */
    public record Options(Standardizer standardizer, int numWords, int oovBuckets, int maxlen, Sequences.Padding padding,
                          Sequences.Truncating truncating, Vectorization vectorization) {

        public Options {
            if (standardizer == null || padding == null || truncating == null || vectorization == null) {
                throw new IllegalArgumentException("TextEncoder.Options: standardizer, padding, truncating and"
                        + " vectorization are required");
            }
            if (numWords < oovBuckets + 2) {
                throw new IllegalArgumentException("TextEncoder.Options: numWords " + numWords + " leaves no room for words"
                        + " after padding and " + oovBuckets + " OOV indices; it must be at least " + (oovBuckets + 2));
            }
            if (oovBuckets < 0 || maxlen < 1) {
                throw new IllegalArgumentException("TextEncoder.Options: oovBuckets must be >= 0 and maxlen >= 1, got "
                        + oovBuckets + " and " + maxlen);
            }
        }

        /** The textbook's: 10,000 words, one OOV index, HTML stripped, maxlen 500, pre padding and truncating. */
        public static Options defaults() {
            return new Options(Standardizer.KERAS_TOKENIZER.withHtmlStripped(), 10_000, 1, 500, Sequences.Padding.PRE,
                    Sequences.Truncating.PRE, Vectorization.SEQUENCE);
        }

        public Options withNumWords(int n) {
            return new Options(standardizer, n, oovBuckets, maxlen, padding, truncating, vectorization);
        }

        public Options withOovBuckets(int n) {
            return new Options(standardizer, numWords, n, maxlen, padding, truncating, vectorization);
        }

        public Options withMaxlen(int n) {
            return new Options(standardizer, numWords, oovBuckets, n, padding, truncating, vectorization);
        }

        public Options withPadding(Sequences.Padding p, Sequences.Truncating t) {
            return new Options(standardizer, numWords, oovBuckets, maxlen, p, t, vectorization);
        }

        public Options withStandardizer(Standardizer s) {
            return new Options(s, numWords, oovBuckets, maxlen, padding, truncating, vectorization);
        }

        public Options withVectorization(Vectorization v) {
            return new Options(standardizer, numWords, oovBuckets, maxlen, padding, truncating, v);
        }
    }

    static final String OOV_TOKEN = "<OOV>";
    private static final String FORMAT = "recur.tasks.classify.TextEncoder";
    private static final int VERSION = 1;

    private final Options options;
    private final Tokenizer splitter; // fitted on nothing: only splits
    private final Vocabulary vocabulary;

    private TextEncoder(Options options, Vocabulary vocabulary) {
        this.options = options;
        this.splitter = Tokenizer.fit(tokenizerOptions(options), List.of());
        this.vocabulary = vocabulary;
    }

    private static Tokenizer.Options tokenizerOptions(Options options) {
        return Tokenizer.Options.words().withStandardizer(options.standardizer());
    }

    /** An encoder whose vocabulary holds the most frequent words of {@code texts} (ties: first seen first). */
    public static TextEncoder fit(Options options, List<String> texts) {
        Tokenizer counted = Tokenizer.fit(tokenizerOptions(options), texts);
        Vocabulary.Oov oov = options.oovBuckets() == 0 ? Vocabulary.Oov.NONE : new Vocabulary.Oov(options.oovBuckets(), OOV_TOKEN);
        return new TextEncoder(options, Vocabulary.fromCounts(counted.wordCounts(), oov, options.numWords()));
    }

    public Options options() {
        return options;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The standardized words of a text. */
    public List<String> words(String text) {
        return splitter.tokenize(text);
    }

    /** The ids of a text's words, unpadded (unknown words: their OOV index, or dropped without one). */
    public int[] ids(String text) {
        return vocabulary.encode(words(text));
    }

    /** The model input for these texts: {@code [N, maxlen]} ids, or {@code [N, vocabulary size]} vectors. */
    public Tensor encode(List<String> texts) {
        List<int[]> ids = new ArrayList<>(texts.size());
        for (String t : texts) {
            ids.add(ids(t));
        }
        if (options.vectorization() == Vectorization.SEQUENCE) {
            return Sequences.toTensor(Sequences.pad(ids, options.maxlen(), options.padding(), options.truncating(), 0));
        }
        int v = vocabulary.size();
        Tensor out = Tensor.zeros(texts.size(), v); // [N, vocabulary size]
        float[] o = out.floats();
        boolean binary = options.vectorization() == Vectorization.MULTI_HOT;
        for (int n = 0; n < ids.size(); n++) {
            for (int id : ids.get(n)) {
                o[n * v + id] = binary ? 1f : o[n * v + id] + 1f;
            }
        }
        return out;
    }

    /** The model's input shape (batch excluded). */
    public int[] inputShape() {
        return options.vectorization() == Vectorization.SEQUENCE ? new int[]{options.maxlen()} : new int[]{vocabulary.size()};
    }

    /** Settings and vocabulary as a JSON-ready map for a model file; {@link #fromConfig} restores it. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        Standardizer s = options.standardizer();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("lowerCase", s.lowerCase());
        m.put("stripHtml", s.stripHtml());
        m.put("punctuation", s.punctuation());
        m.put("punctuationMode", s.punctuationMode().name());
        m.put("numWords", options.numWords());
        m.put("oovBuckets", options.oovBuckets());
        m.put("maxlen", options.maxlen());
        m.put("padding", options.padding().name());
        m.put("truncating", options.truncating().name());
        m.put("vectorization", options.vectorization().name());
        m.put("words", vocabulary.tokens());
        return m;
    }

    public static TextEncoder fromConfig(Map<String, ?> config) {
        ConfigReader r = new ConfigReader("TextEncoder config", config);
        r.requireFormat(FORMAT, VERSION);
        Standardizer s = new Standardizer(r.bool("lowerCase"), r.bool("stripHtml"), r.string("punctuation"),
                r.constant("punctuationMode", PunctuationMode.class));
        Options o = new Options(s, r.integer("numWords"), r.integer("oovBuckets"), r.integer("maxlen"),
                r.constant("padding", Sequences.Padding.class), r.constant("truncating", Sequences.Truncating.class),
                r.constant("vectorization", Vectorization.class));
        Vocabulary.Oov oov = o.oovBuckets() == 0 ? Vocabulary.Oov.NONE : new Vocabulary.Oov(o.oovBuckets(), OOV_TOKEN);
        List<String> words = r.strings("words");
        if (oov.buckets() + 1 + words.size() > o.numWords()) {
            throw r.error("\"words\" has " + words.size() + " entries, more than numWords " + o.numWords() + " allows");
        }
        return new TextEncoder(o, Vocabulary.of(words, oov));
    }
}
