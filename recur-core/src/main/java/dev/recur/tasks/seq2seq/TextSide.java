package dev.recur.tasks.seq2seq;

import dev.recur.data.text.Standardizer;
import dev.recur.data.text.Tokenizer;
import dev.recur.data.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One side of a translation (source or target): how texts are cut into tokens (characters or
 * words split on spaces, kept as written) and the vocabulary. Index 0 is padding, 1 the start
 * token {@code <s>}, 2 the end token {@code </s>}, then the tokens by decreasing frequency.
 */
public final class TextSide {

    public static final String START_TOKEN = "<s>";
    public static final String END_TOKEN = "</s>";
    public static final int START = 1;
    public static final int END = 2;

    private final Tokenizer.Level level;
    private final Vocabulary vocabulary;
    private final Tokenizer splitter; // cuts texts; its own (empty) vocabulary is unused

    private TextSide(Tokenizer.Level level, Vocabulary vocabulary) {
        this.level = Objects.requireNonNull(level, "level");
        this.vocabulary = vocabulary;
        this.splitter = Tokenizer.fit(options(level), List.of());
    }

    /** The vocabulary of these texts at this level. */
    public static TextSide fit(Tokenizer.Level level, List<String> texts) {
        Tokenizer t = Tokenizer.fit(options(level), texts);
        List<String> tokens = new ArrayList<>(List.of(START_TOKEN, END_TOKEN));
        for (String token : t.vocabulary().tokens()) {
            if (!token.equals(START_TOKEN) && !token.equals(END_TOKEN)) {
                tokens.add(token);
            }
        }
        return new TextSide(level, Vocabulary.of(tokens, Vocabulary.Oov.NONE));
    }

    private static Tokenizer.Options options(Tokenizer.Level level) {
        Tokenizer.Options o = level == Tokenizer.Level.CHARACTER ? Tokenizer.Options.characters() : Tokenizer.Options.words();
        return o.withStandardizer(Standardizer.NONE);
    }

    public Tokenizer.Level level() {
        return level;
    }

    /** Number of ids: padding, start, end and the tokens (an embedding's input size, the output layer's width). */
    public int size() {
        return vocabulary.size();
    }

    /** The tokens of a text, as this side cuts them. */
    public List<String> tokenize(String text) {
        return splitter.tokenize(text);
    }

    /**
     * The ids of a text's tokens, without start or end token.
     *
     * @param what names the text in messages ("source", "target")
     */
    public int[] encode(String text, String what) {
        List<String> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " text is empty; give at least one "
                    + (level == Tokenizer.Level.CHARACTER ? "character" : "word"));
        }
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.index(tokens.get(i));
            if (ids[i] == Vocabulary.NOT_FOUND) {
                throw new IllegalArgumentException("the " + what + " text \"" + text + "\" has the "
                        + (level == Tokenizer.Level.CHARACTER ? "character" : "word") + " \"" + tokens.get(i)
                        + "\" (position " + i + ") that the model never saw in training; its vocabulary has "
                        + (vocabulary.size() - 3) + " tokens. Possible cause: another alphabet, case or language than the"
                        + " training pairs");
            }
        }
        return ids;
    }

    /** The text of ids, stopping at the end token, skipping padding and start. */
    public String decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            if (id == END) {
                break;
            }
            if (id != Vocabulary.PADDING && id != START) {
                out.add(vocabulary.token(id));
            }
        }
        return String.join(level == Tokenizer.Level.CHARACTER ? "" : " ", out);
    }

    /** Whether {@code token} is in the vocabulary (start and end tokens included). */
    public boolean contains(String token) {
        return vocabulary.contains(token);
    }

    /** The token of one id. */
    public String token(int id) {
        return vocabulary.token(id);
    }

    /** The configuration a model file stores: level and tokens in index order. */
    public Map<String, Object> toConfig() {
        return Map.of("level", level.name(), "tokens", vocabulary.tokens());
    }

    /** A side from {@link #toConfig()}. */
    @SuppressWarnings("unchecked")
    public static TextSide fromConfig(Map<String, ?> config) {
        Object level = config.get("level");
        Object tokens = config.get("tokens");
        if (!(level instanceof String l) || !(tokens instanceof List<?> list)) {
            throw new IllegalArgumentException("a text side's configuration needs \"level\" and \"tokens\", got keys "
                    + config.keySet());
        }
        return new TextSide(Tokenizer.Level.valueOf(l), Vocabulary.of((List<String>) list, Vocabulary.Oov.NONE));
    }
}
