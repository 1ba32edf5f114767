package dev.recur.data;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneHotTest {

    @Test
    void rowsLikeToCategorical() {
        Tensor t = OneHot.encode(new int[]{0, 2, 1}, 3);
        assertArrayEquals(new int[]{3, 3}, t.shape());
        assertArrayEquals(new float[]{1, 0, 0, 0, 0, 1, 0, 1, 0}, t.toFloatArray());
    }

    @Test
    void sequencesAreBatchTimeDepth() {
        Tensor t = OneHot.encode(new int[][]{{0, 1}, {2, 2}}, 3);
        assertArrayEquals(new int[]{2, 2, 3}, t.shape());
        assertArrayEquals(new float[]{1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1}, t.toFloatArray());
    }

    @Test
    void multiHotMarksPresenceAndSkipsPadding() {
        Tensor t = OneHot.multiHot(List.of(new int[]{0, 0, 3, 1, 3}, new int[]{}), 4);
        assertArrayEquals(new int[]{2, 4}, t.shape());
        assertArrayEquals(new float[]{0, 1, 0, 1, 0, 0, 0, 0}, t.toFloatArray());
    }

    @Test
    void errors() {
        assertMessage(() -> OneHot.encode(new int[]{1}, 0), "depth must be at least 1 but is 0");
        assertMessage(() -> OneHot.encode(new int[]{0, 3}, 3), "index 3 at position 1 is outside [0, 3)");
        assertMessage(() -> OneHot.encode(new int[][]{{0}, {-1}}, 3), "index -1 at sequence 1, step 0 is outside [0, 3)");
        assertMessage(() -> OneHot.encode(new int[][]{{0, 1}, {1}}, 3), "sequence 1 has 1 steps but sequence 0 has 2");
        assertMessage(() -> OneHot.multiHot(List.of(new int[]{5}), 4), "index 5 at sequence 0, step 0 is outside [0, 4)");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
