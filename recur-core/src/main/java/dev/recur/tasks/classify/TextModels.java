package dev.recur.tasks.classify;

import dev.recur.nn.Layer;
import dev.recur.nn.spec.LayerRegistry;

import java.util.List;

/**
 * The textbook's text classifiers as layer specifications (Keras names), completed for an
 * encoder and a number of classes: an {@code Embedding(numWords, dim, mask_zero=true)} in front
 * when the body has none and the encoder gives ids, a Dense head behind when the body does not
 * end with a Dense: {@code Dense(1, activation=sigmoid)} for two classes,
 * {@code Dense(k, activation=softmax)} for more.
 */
public final class TextModels {

    /** The models of the IMDB bench. */
    public enum Kind {
        /** Logistic regression on multi-hot word vectors (the bag-of-words baseline). */
        BOW("bow", ""),
        SIMPLE_RNN("simple_rnn", "SimpleRNN(32)"),
        LSTM("lstm", "LSTM(32)"),
        GRU("gru", "GRU(32)"),
        BILSTM("bilstm", "Bidirectional(LSTM(32))"),
        /** The textbook's 1-D convnet (Chollet §6.4): two Conv1D(32, 7) with max pooling. */
        CNN("cnn", "Conv1D(32, 7, activation=relu) MaxPooling1D(5) Conv1D(32, 7, activation=relu) GlobalMaxPooling1D()");

        private final String id;
        private final String body;

        Kind(String id, String body) {
            this.id = id;
            this.body = body;
        }

        /** The name in bench output and file names. */
        public String id() {
            return id;
        }

        /** The layers between the embedding and the head. */
        public String body() {
            return body;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown text model '" + id + "'; valid: "
                    + java.util.Arrays.stream(values()).map(Kind::id).toList());
        }
    }

    public static final int DEFAULT_EMBEDDING_DIM = 32;

    private TextModels() {
    }

    /** The head for {@code classes} classes. */
    public static String head(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes but the data has " + classes
                    + "; check the label column");
        }
        return classes == 2 ? "Dense(1, activation=sigmoid)" : "Dense(" + classes + ", activation=softmax)";
    }

    /**
     * The full specification: {@code body} with an embedding in front (ids only, unless the body
     * starts with one) and a head behind (unless it ends with a Dense).
     */
    public static String complete(String body, TextEncoder encoder, int embeddingDim, int classes) {
        List<Layer> layers = body.isBlank() ? List.of() : LayerRegistry.parseModel(body).model().layers();
        boolean ids = encoder.options().vectorization() == TextEncoder.Vectorization.SEQUENCE;
        StringBuilder spec = new StringBuilder();
        if (ids && (layers.isEmpty() || !layers.getFirst().type().equals("Embedding"))) {
            spec.append("Embedding(").append(encoder.vocabulary().size()).append(", ").append(embeddingDim)
                    .append(", mask_zero=true) ");
        }
        if (!ids && !layers.isEmpty() && layers.getFirst().type().equals("Embedding")) {
            throw new IllegalArgumentException("the layers start with an Embedding but the encoder makes word-count"
                    + " vectors (" + encoder.options().vectorization() + "); use sequence vectorization or drop the Embedding");
        }
        spec.append(body.strip());
        if (layers.isEmpty() || !layers.getLast().type().equals("Dense")) {
            spec.append(' ').append(head(classes));
        }
        return spec.toString().strip();
    }
}
