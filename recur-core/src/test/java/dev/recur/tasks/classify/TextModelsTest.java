package dev.recur.tasks.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completing a layer body with an embedding and a head. */
class TextModelsTest {

    private static final TextEncoder IDS = TextEncoder.fit(TextEncoder.Options.defaults(), List.of("a b c"));

    @Test
    void addsEmbeddingAndHeadWhenMissing() {
        assertEquals("Embedding(5, 32, mask_zero=true) LSTM(32) Dense(1, activation=sigmoid)",
                TextModels.complete("LSTM(32)", IDS, 32, 2));
        assertEquals("Embedding(5, 16, mask_zero=true) Bidirectional(LSTM(32)) Dense(4, activation=softmax)",
                TextModels.complete(TextModels.Kind.BILSTM.body(), IDS, 16, 4));
        assertEquals("Embedding(5, 8) GRU(4) Dense(1)", TextModels.complete("Embedding(5, 8) GRU(4) Dense(1)", IDS, 32, 2));
    }

    @Test
    void bagOfWordsGetsOnlyAHead() {
        TextEncoder bow = TextEncoder.fit(TextEncoder.Options.defaults().withVectorization(TextEncoder.Vectorization.COUNTS),
                List.of("a b"));
        assertEquals("Dense(1, activation=sigmoid)", TextModels.complete("", bow, 32, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextModels.complete("Embedding(4, 2) LSTM(2)", bow, 32, 2));
        assertTrue(e.getMessage().contains("the layers start with an Embedding but the encoder makes word-count vectors (COUNTS)"), e.getMessage());
    }

    @Test
    void kindsByName() {
        assertEquals(TextModels.Kind.SIMPLE_RNN, TextModels.Kind.of("simple_rnn"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextModels.Kind.of("rnn"));
        assertTrue(e.getMessage().contains("unknown text model 'rnn'; valid: [bow, simple_rnn, lstm, gru, bilstm, cnn]"));
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> TextModels.head(1));
        assertTrue(one.getMessage().contains("needs at least 2 classes but the data has 1"));
    }
}
