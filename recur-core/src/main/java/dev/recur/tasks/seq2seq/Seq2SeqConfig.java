package dev.recur.tasks.seq2seq;

import java.util.Objects;

/**
 * The shape of an encoder-decoder.
 *
 * @param cell      the recurrent layer of encoder and decoder
 * @param attention how the decoder looks back at the encoder's outputs
 * @param embedding size of the source and target token embeddings
 * @param units     hidden units of every recurrent layer (and of the attention)
 * @param layers    stacked recurrent layers in the encoder and in the decoder (decoder layer i
 *                  starts from the final state of encoder layer i)
 * @param bidirectional whether every encoder layer reads both ways, {@code units / 2} per direction,
 *                  outputs and final states concatenated (so the decoder still has {@code units})
 */
public record Seq2SeqConfig(CellType cell, AttentionType attention, int embedding, int units, int layers,
                            boolean bidirectional) {

    /** The recurrent layer. */
    public enum CellType { LSTM, GRU }

    /**
     * The attention. {@code BAHDANAU}: additive scores; {@code LUONG}: Luong's general score and
     * attentional vector; {@code NONE}: the decoder sees the source only through the initial state.
     */
    public enum AttentionType { NONE, BAHDANAU, LUONG }

    public Seq2SeqConfig {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(attention, "attention");
        if (embedding < 1 || units < 1 || layers < 1) {
            throw new IllegalArgumentException("Seq2SeqConfig: embedding, units and layers must be at least 1, got embedding="
                    + embedding + ", units=" + units + ", layers=" + layers);
        }
        if (bidirectional && units % 2 != 0) {
            throw new IllegalArgumentException("Seq2SeqConfig: a bidirectional encoder gives each direction half of the"
                    + " units, so units must be even, got " + units);
        }
    }

    /** A unidirectional encoder. */
    public Seq2SeqConfig(CellType cell, AttentionType attention, int embedding, int units, int layers) {
        this(cell, attention, embedding, units, layers, false);
    }

    /** An LSTM encoder-decoder with one layer each. */
    public static Seq2SeqConfig lstm(AttentionType attention, int embedding, int units) {
        return new Seq2SeqConfig(CellType.LSTM, attention, embedding, units, 1);
    }

    public Seq2SeqConfig withLayers(int n) {
        return new Seq2SeqConfig(cell, attention, embedding, units, n, bidirectional);
    }

    public Seq2SeqConfig withCell(CellType c) {
        return new Seq2SeqConfig(c, attention, embedding, units, layers, bidirectional);
    }

    public Seq2SeqConfig withBidirectional(boolean b) {
        return new Seq2SeqConfig(cell, attention, embedding, units, layers, b);
    }
}
