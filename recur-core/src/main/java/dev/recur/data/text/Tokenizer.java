package dev.recur.data.text;

import dev.recur.data.ConfigReader;
import dev.recur.data.text.Standardizer.PunctuationMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Keras's {@code Tokenizer}: texts to sequences of word or character indices and back.
 *
 * <p>What carries over from Keras: {@link #fit} counts tokens; indices go by decreasing count,
 * equal counts in order of first occurrence; index 0 is never assigned (padding); an OOV token,
 * when set, takes index 1 and the words start at 2; {@link #wordIndex()} holds every word seen,
 * and {@code numWords} is applied only when converting: a word whose index is {@code numWords}
 * or more becomes the OOV index, or is dropped without an OOV token. Word level splits the
 * standardized text on the {@code split} string and drops empty pieces; character level makes
 * each code point (space and punctuation included) a token.
 *
 * <p>Where Recur differs, on purpose: {@link #sequenceToText} skips index 0 (Keras turns padding
 * into the OOV token) and rejects indices outside the vocabulary (Keras drops them silently);
 * at character level it joins characters without spaces (Keras puts a space between them); at
 * character level the standardizer is applied in full (Keras ignores {@code filters} there, which
 * is why {@link Options#characters()} uses {@link Standardizer#LOWER}).
 *
 * <p>A tokenizer is immutable: {@link #fit} makes one, {@link #fitMore} makes a new one with
 * more texts counted (Keras's repeated {@code fit_on_texts}).
 */
public final class Tokenizer {

    /** Word or character tokens. */
    public enum Level { WORD, CHARACTER }

    /**
     * How texts are cut into tokens and how many indices are used.
     *
     * @param level        word or character tokens
     * @param standardizer clean-up before splitting
     * @param split        the separator between words (Keras {@code split}, default a space)
     * @param numWords     null for all words, else only indices below it are emitted (Keras
     *                     {@code num_words}: the {@code numWords - 1} most frequent entries)
     * @param oovToken     null to drop unknown words, else the token at index 1 that replaces them
     */
    public record Options(Level level, Standardizer standardizer, String split, Integer numWords, String oovToken) {

        public Options {
            if (level == null || standardizer == null || split == null || split.isEmpty()) {
                throw new IllegalArgumentException("Tokenizer.Options: level, standardizer and a non-empty split are"
                        + " required; got level=" + level + ", standardizer=" + standardizer + ", split="
                        + (split == null ? "null" : "\"" + split + "\""));
            }
            if (numWords != null && numWords < 1) {
                throw new IllegalArgumentException("Tokenizer.Options: numWords must be at least 1 (or null for no limit)"
                        + " but is " + numWords);
            }
            if ("".equals(oovToken)) {
                throw new IllegalArgumentException("Tokenizer.Options: oovToken must not be empty (\"\" is padding);"
                        + " use null for no OOV token or e.g. \"<OOV>\"");
            }
        }

        /** Keras's defaults: words, {@link Standardizer#KERAS_TOKENIZER}, split on a space, no limit, no OOV token. */
        public static Options words() {
            return new Options(Level.WORD, Standardizer.KERAS_TOKENIZER, " ", null, null);
        }

        /** Keras's {@code char_level=True}: characters, lower-cased, nothing filtered. */
        public static Options characters() {
            return new Options(Level.CHARACTER, Standardizer.LOWER, " ", null, null);
        }

        public Options withNumWords(Integer n) {
            return new Options(level, standardizer, split, n, oovToken);
        }

        public Options withOovToken(String token) {
            return new Options(level, standardizer, split, numWords, token);
        }

        public Options withStandardizer(Standardizer s) {
            return new Options(level, s, split, numWords, oovToken);
        }

        public Options withSplit(String s) {
            return new Options(level, standardizer, s, numWords, oovToken);
        }
    }

    private static final String FORMAT = "recur.text.Tokenizer";
    private static final int VERSION = 1;

    private final Options options;
    private final SequencedMap<String, Long> counts; // in order of first occurrence
    private final int documentCount;
    private final Vocabulary vocabulary;
    private final SequencedMap<String, Integer> wordIndex; // Keras word_index: the OOV token, then the vocabulary

    private Tokenizer(Options options, SequencedMap<String, Long> counts, int documentCount) {
        this.options = options;
        this.counts = Collections.unmodifiableSequencedMap(counts);
        this.documentCount = documentCount;
        this.vocabulary = Vocabulary.fromCounts(counts,
                options.oovToken() == null ? Vocabulary.Oov.NONE : Vocabulary.Oov.token(options.oovToken()));
        SequencedMap<String, Integer> index = new LinkedHashMap<>();
        if (options.oovToken() != null) {
            index.put(options.oovToken(), 1);
        }
        for (String t : vocabulary.tokens()) {
            index.put(t, vocabulary.index(t));
        }
        this.wordIndex = Collections.unmodifiableSequencedMap(index);
    }

    /** A tokenizer fitted on these texts (Keras {@code fit_on_texts}). */
    public static Tokenizer fit(Options options, Iterable<String> texts) {
        return new Tokenizer(options, new LinkedHashMap<>(), 0).fitMore(texts);
    }

    /** A new tokenizer that has also counted these texts; this one is unchanged. */
    public Tokenizer fitMore(Iterable<String> texts) {
        SequencedMap<String, long[]> c = new LinkedHashMap<>(); // mutable counters, in order of first occurrence
        counts.forEach((token, n) -> c.put(token, new long[]{n}));
        int docs = documentCount;
        for (String text : texts) {
            for (String token : tokenize(text)) {
                c.computeIfAbsent(token, t -> new long[1])[0]++;
            }
            docs++;
        }
        SequencedMap<String, Long> out = new LinkedHashMap<>(c.size() * 2);
        c.forEach((token, n) -> out.put(token, n[0]));
        return new Tokenizer(options, out, docs);
    }

    /** The standardized tokens of a text, before indexing (Keras {@code text_to_word_sequence}). */
    public List<String> tokenize(String text) {
        String s = options.standardizer().apply(text, options.split());
        List<String> out = new ArrayList<>();
        if (options.level() == Level.CHARACTER) {
            s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
            return out;
        }
        String split = options.split();
        int from = 0;
        for (int at = s.indexOf(split); at >= 0; at = s.indexOf(split, from)) {
            if (at > from) {
                out.add(s.substring(from, at));
            }
            from = at + split.length();
        }
        if (from < s.length()) {
            out.add(s.substring(from));
        }
        return out;
    }

    /** The indices of a text's tokens, with {@code numWords} and the OOV rule applied. */
    public int[] textToSequence(String text) {
        List<String> tokens = tokenize(text);
        int[] out = new int[tokens.size()];
        int n = 0;
        for (String t : tokens) {
            int i = vocabulary.index(t);
            if (i != Vocabulary.NOT_FOUND && options.numWords() != null && i >= options.numWords()) {
                i = options.oovToken() == null ? Vocabulary.NOT_FOUND : 1;
            }
            if (i != Vocabulary.NOT_FOUND) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** {@link #textToSequence} of each text (Keras {@code texts_to_sequences}). */
    public List<int[]> textsToSequences(List<String> texts) {
        return texts.stream().map(this::textToSequence).toList();
    }

    /** The text of a sequence: padding skipped, indices at or past {@code numWords} as the OOV token or dropped. */
    public String sequenceToText(int[] sequence) {
        StringBuilder out = new StringBuilder();
        String joiner = options.level() == Level.WORD ? " " : "";
        for (int i : sequence) {
            String token = vocabulary.token(i);
            if (i == Vocabulary.PADDING) {
                continue;
            }
            if (options.numWords() != null && i >= options.numWords()) {
                if (options.oovToken() == null) {
                    continue;
                }
                token = options.oovToken();
            }
            if (!out.isEmpty()) {
                out.append(joiner);
            }
            out.append(token);
        }
        return out.toString();
    }

    /** {@link #sequenceToText} of each sequence (Keras {@code sequences_to_texts}). */
    public List<String> sequencesToTexts(List<int[]> sequences) {
        return sequences.stream().map(this::sequenceToText).toList();
    }

    /** Every token seen and its index, the OOV token first when set (Keras {@code word_index}). */
    public SequencedMap<String, Integer> wordIndex() {
        return wordIndex;
    }

    /** How often each token occurred, in order of first occurrence (Keras {@code word_counts}). */
    public SequencedMap<String, Long> wordCounts() {
        return counts;
    }

    /** Number of texts fitted (Keras {@code document_count}). */
    public int documentCount() {
        return documentCount;
    }

    /** The vocabulary of all tokens seen ({@code numWords} is not applied to it). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * One more than the largest index {@link #textToSequence} can emit: the input size of an
     * embedding or the output size of a softmax over tokens.
     */
    public int vocabularySize() {
        return options.numWords() == null ? vocabulary.size() : Math.min(options.numWords(), vocabulary.size());
    }

    public Options options() {
        return options;
    }

    /**
     * The configuration and counts as a JSON-ready map (strings, numbers, booleans, nulls,
     * lists), for a model file's metadata; {@link #fromConfig} restores an equal tokenizer.
     */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("level", options.level().name());
        m.put("lowerCase", options.standardizer().lowerCase());
        m.put("stripHtml", options.standardizer().stripHtml());
        m.put("punctuation", options.standardizer().punctuation());
        m.put("punctuationMode", options.standardizer().punctuationMode().name());
        m.put("split", options.split());
        m.put("numWords", options.numWords());
        m.put("oovToken", options.oovToken());
        m.put("documentCount", documentCount);
        m.put("words", List.copyOf(counts.keySet()));
        m.put("counts", List.copyOf(counts.values()));
        return m;
    }

    /** A tokenizer from {@link #toConfig()}'s map; every key is checked. */
    public static Tokenizer fromConfig(Map<String, ?> config) {
        ConfigReader r = new ConfigReader("Tokenizer config", config);
        r.requireFormat(FORMAT, VERSION);
        Standardizer standardizer = new Standardizer(r.bool("lowerCase"), r.bool("stripHtml"), r.string("punctuation"),
                r.constant("punctuationMode", PunctuationMode.class));
        Options options = new Options(r.constant("level", Level.class), standardizer, r.string("split"),
                r.optionalInteger("numWords"), r.optionalString("oovToken"));
        List<String> words = r.strings("words");
        long[] counts = r.integers("counts");
        if (words.size() != counts.length) {
            throw r.error("\"words\" has " + words.size() + " entries but \"counts\" has " + counts.length);
        }
        SequencedMap<String, Long> c = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 1) {
                throw r.error("word \"" + words.get(i) + "\" at position " + i + " has count " + counts[i]
                        + "; counts must be at least 1");
            }
            if (c.put(words.get(i), counts[i]) != null) {
                throw r.error("word \"" + words.get(i) + "\" appears twice in \"words\" (again at position " + i + ")");
            }
        }
        return new Tokenizer(options, c, r.integer("documentCount"));
    }
}
