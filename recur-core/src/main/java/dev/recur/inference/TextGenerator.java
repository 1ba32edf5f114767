package dev.recur.inference;

import dev.recur.data.text.Tokenizer;
import dev.recur.data.text.Vocabulary;
import dev.recur.nn.Sequential;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Writes text with a language model and the tokenizer it was trained with: the prime text is fed
 * once, token by token, then each sampled token is fed back, so generating n tokens costs
 * n + prime-length steps of batch 1 ({@link TokenStepper}). Every piece of text is handed to a
 * sink as soon as it is sampled (streaming).
 *
 * <pre>{@code
 * TextGenerator g = new TextGenerator(model, tokenizer);
 * String text = g.generate("ROMEO:", 500, Sampler.temperature(0.8), new SplittableRandom(42), null, System.out::print);
 * }</pre>
 */
public final class TextGenerator {

    private final TokenStepper stepper;
    private final Tokenizer tokenizer;

    public TextGenerator(Sequential model, Tokenizer tokenizer) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "TextGenerator: tokenizer");
        this.stepper = new TokenStepper(model);
        if (stepper.vocabularySize() != tokenizer.vocabularySize()) {
            throw new IllegalArgumentException("TextGenerator: the model gives " + stepper.vocabularySize()
                    + " logits per step but the tokenizer has " + tokenizer.vocabularySize() + " indices (padding"
                    + " included); the model must be trained with this tokenizer (its output size is the vocabulary size)");
        }
    }

    /** The prime text's token ids; every token must be in the vocabulary (or map to the OOV token). */
    public int[] encodePrime(String prime) {
        List<String> tokens = tokenizer.tokenize(prime);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("generate: the prime text \"" + prime + "\" has no tokens after"
                    + " standardization; give a start text of at least one " + unit() + " (e.g. \"The \")");
        }
        Vocabulary v = tokenizer.vocabulary();
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            String t = tokens.get(i);
            int id = v.index(t);
            boolean unknown = id == Vocabulary.NOT_FOUND || id >= tokenizer.vocabularySize()
                    || (tokenizer.options().oovToken() == null && !v.contains(t));
            if (unknown && tokenizer.options().oovToken() != null) {
                id = 1;
            } else if (unknown) {
                throw new IllegalArgumentException("generate: the prime text's " + unit() + " " + describe(t)
                        + " (" + unit() + " " + (i + 1) + ") is not in the model's vocabulary of "
                        + (tokenizer.vocabularySize() - v.firstTokenIndex()) + " " + unit() + "s; use only "
                        + unit() + "s the model was trained on");
            }
            ids[i] = id;
        }
        return ids;
    }

    /**
     * Feeds the prime text, then samples up to {@code length} tokens, stopping early right after
     * the generated text first contains {@code stop} (when not null).
     *
     * @param sink receives each sampled token's text as soon as it is sampled (with the space
     *             before it at word level)
     * @return the generated text, prime excluded
     */
    public String generate(String prime, int length, Sampler sampler, RandomGenerator random, String stop,
                           Consumer<String> sink) {
        if (length < 0) {
            throw new IllegalArgumentException("generate: length must be at least 0 but got " + length);
        }
        if ("".equals(stop)) {
            throw new IllegalArgumentException("generate: the stop string is empty; give null for no stop string");
        }
        Objects.requireNonNull(sampler, "generate: sampler");
        Objects.requireNonNull(random, "generate: random");
        int[] primeIds = encodePrime(prime);
        stepper.reset();
        float[] logits = stepper.feed(primeIds);
        StringBuilder out = new StringBuilder();
        String joiner = tokenizer.options().level() == Tokenizer.Level.WORD ? " " : "";
        for (int n = 0; n < length; n++) {
            logits[Vocabulary.PADDING] = Float.NEGATIVE_INFINITY; // padding is never a next token
            int id = sampler.sample(logits, random);
            String piece = joiner + tokenizer.vocabulary().token(id);
            out.append(piece);
            sink.accept(piece);
            if (stop != null && out.indexOf(stop, Math.max(0, out.length() - piece.length() - stop.length())) >= 0) {
                break;
            }
            logits = stepper.feed(id);
        }
        return out.toString();
    }

    /** The tokenizer the model decodes with. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    private String unit() {
        return tokenizer.options().level() == Tokenizer.Level.WORD ? "word" : "character";
    }

    private static String describe(String token) {
        if (token.codePointCount(0, token.length()) != 1) {
            return "\"" + token + "\"";
        }
        int cp = token.codePointAt(0);
        return (Character.isISOControl(cp) ? "" : "'" + token + "' ") + String.format("(U+%04X)", cp);
    }
}
