package dev.recur.tasks.textgen;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import dev.recur.data.text.Standardizer;
import dev.recur.data.text.Tokenizer;
import dev.recur.inference.TextGenerator;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Model;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.train.ModelFile;
import dev.recur.train.RandomStreams;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A language model and the tokenizer it was trained with, saved together: the model file
 * carries the tokenizer as the attachment {@value #TOKENIZER}, so a loaded model always decodes
 * with its own vocabulary.
 *
 * <p>The architecture is {@code Input(None) Embedding(vocab, E) <hidden layers> Dense(vocab)}
 * (token ids in, logits out), or with one-hot input {@code Input(None, vocab) <hidden layers>
 * Dense(vocab)}; the hidden layers are a specification such as
 * {@code "LSTM(512, return_sequences=true)"}, the task adds the rest, so the vocabulary size is
 * never typed by hand.
 *
 * @param model     built; maps {@code [batch, time]} ids (or {@code [batch, time, vocab]} one-hot) to {@code [batch, time, vocab]} logits
 * @param tokenizer the tokenizer whose ids the model reads and writes
 */
public record LanguageModel(Sequential model, Tokenizer tokenizer) {

    /** The attachment holding the tokenizer's configuration (JSON). */
    public static final String TOKENIZER = "textgen.tokenizer";
    /** The default hidden stack: one 512-unit LSTM (see the bench note for why). */
    public static final String DEFAULT_HIDDEN = "LSTM(512, return_sequences=true)";
    /** The default embedding width for id inputs. */
    public static final int DEFAULT_EMBEDDING = 64;

    /** Typographic punctuation filtered from words besides Keras's filters. */
    public static final String TYPOGRAPHIC = "\u201C\u201D\u2018\u2014\u2013";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * The tokenizer for a text at this level: characters keep their case and punctuation (every
     * code point is a token); words follow Keras's defaults (lower-cased, punctuation filtered;
     * also typographic double quotes, the opening single quote and dashes (the closing one stays, as it is the apostrophe of "alice’s", like Keras keeping the ASCII one), {@value #TYPOGRAPHIC}, common in books), with an OOV
     * token and at most {@code maxWords - 1} words (the most frequent; null for all).
     */
    public static Tokenizer fitTokenizer(Tokenizer.Level level, String text, Integer maxWords) {
        Tokenizer.Options options = level == Tokenizer.Level.CHARACTER
                ? Tokenizer.Options.characters().withStandardizer(Standardizer.NONE)
                : Tokenizer.Options.words().withOovToken("<OOV>").withNumWords(maxWords)
                        .withStandardizer(new Standardizer(true, false, Standardizer.KERAS_FILTERS + TYPOGRAPHIC,
                                Standardizer.PunctuationMode.SEPARATE));
        return Tokenizer.fit(options, List.of(text));
    }

    /**
     * A new model for this tokenizer, weights drawn from {@code seed}.
     *
     * @param hidden         the hidden layers' specification, e.g. {@value #DEFAULT_HIDDEN}
     * @param embeddingWidth the embedding width, or 0 for one-hot input
     */
    public static LanguageModel create(Tokenizer tokenizer, String hidden, int embeddingWidth, long seed) {
        if (embeddingWidth < 0) {
            throw new IllegalArgumentException("LanguageModel: embeddingWidth must be 0 (one-hot input) or positive but got "
                    + embeddingWidth);
        }
        int vocab = tokenizer.vocabularySize();
        String spec = (embeddingWidth > 0 ? "Input(None) Embedding(" + vocab + ", " + embeddingWidth + ") "
                : "Input(None, " + vocab + ") ") + hidden + " Dense(" + vocab + ")";
        Sequential model = LayerRegistry.parseModel(spec).build(new BuildContext(DType.FLOAT32, new RandomStreams(seed).init()));
        return new LanguageModel(model, tokenizer);
    }

    /** Whether the model reads one-hot rows rather than ids. */
    public boolean oneHot() {
        return model.inputShape().length == 2;
    }

    /** The input depth {@link LmData} needs: the vocabulary size for one-hot input, else 0. */
    public int oneHotDepth() {
        return oneHot() ? tokenizer.vocabularySize() : 0;
    }

    /** A generator sampling from this model with its tokenizer. */
    public TextGenerator generator() {
        return new TextGenerator(model, tokenizer);
    }

    /** Saves the model and its tokenizer in one file, atomically. */
    public void save(Path path, ModelFile.Provenance provenance) {
        ModelFile.save(model, path, provenance, Map.of(TOKENIZER, GSON.toJson(tokenizer.toConfig())));
    }

    /** Loads a model saved by {@link #save}; an error naming the file when it holds no tokenizer or no language model. */
    public static LanguageModel load(Path path) {
        ModelFile.Loaded loaded = ModelFile.load(path);
        Map<String, Object> config;
        try {
            config = GSON.fromJson(loaded.attachment(TOKENIZER), new TypeToken<Map<String, Object>>() { }.getType());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("model file " + path + ": the tokenizer attachment is not valid JSON ("
                    + e.getMessage() + ")");
        }
        Model model = loaded.model();
        if (!(model instanceof Sequential s)) {
            throw new IllegalArgumentException("model file " + path + " holds a graph model; a language model is a"
                    + " Sequential model written by textgen");
        }
        return new LanguageModel(s, Tokenizer.fromConfig(config));
    }
}
