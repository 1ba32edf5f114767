package dev.recur.data.text;

import dev.recur.data.text.Sequences.Padding;
import dev.recur.data.text.Sequences.Truncating;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of Keras's {@code pad_sequences} docstring, plus truncation at the end. */
class SequencesTest {

    private static final List<int[]> SEQ = List.of(new int[]{1}, new int[]{2, 3}, new int[]{4, 5, 6});

    @Test
    void defaultsPadAndTruncateAtTheFront() {
        assertArrayEquals(new int[][]{{0, 0, 1}, {0, 2, 3}, {4, 5, 6}}, Sequences.pad(SEQ));
    }

    @Test
    void customValue() {
        assertArrayEquals(new int[][]{{-1, -1, 1}, {-1, 2, 3}, {4, 5, 6}},
                Sequences.pad(SEQ, null, Padding.PRE, Truncating.PRE, -1));
    }

    @Test
    void postPadding() {
        assertArrayEquals(new int[][]{{1, 0, 0}, {2, 3, 0}, {4, 5, 6}},
                Sequences.pad(SEQ, null, Padding.POST, Truncating.PRE, 0));
    }

    @Test
    void maxlenTruncatesAtTheFrontByDefault() {
        assertArrayEquals(new int[][]{{0, 1}, {2, 3}, {5, 6}}, Sequences.pad(SEQ, 2));
    }

    @Test
    void postTruncationKeepsTheBeginning() {
        assertArrayEquals(new int[][]{{1, 0}, {2, 3}, {4, 5}}, Sequences.pad(SEQ, 2, Padding.POST, Truncating.POST, 0));
    }

    @Test
    void emptySequencesBecomeAllPadding() {
        assertArrayEquals(new int[][]{{0, 0}, {0, 7}}, Sequences.pad(List.of(new int[0], new int[]{7}), 2));
        assertArrayEquals(new int[0][], Sequences.pad(List.of(), 3));
    }

    @Test
    void toTensorIsBatchByTime() {
        Tensor t = Sequences.toTensor(Sequences.pad(SEQ));
        assertArrayEquals(new int[]{3, 3}, t.shape());
        assertEquals(5.0, t.get(2, 1));
        assertEquals(0.0, t.get(0, 0));
    }

    @Test
    void errors() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Sequences.pad(List.of()));
        assertTrue(none.getMessage().contains("no sequences and no maxlen"), none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Sequences.pad(SEQ, 0));
        assertTrue(zero.getMessage().contains("maxlen must be at least 1"), zero.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Sequences.toTensor(new int[][]{{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("row 1 has 1 steps but row 0 has 2"), ragged.getMessage());
    }
}
