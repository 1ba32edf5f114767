package dev.recur.tasks.textgen;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LmDataTest {

    private static final int[] IDS = IntStream.range(1, 22).toArray(); // 1..21

    private static float[] row(Tensor t, int r) {
        return t.slice(0, r, r + 1).toFloatArray();
    }

    @Test
    void windowsAreNPlusOneTokensCutIntoInputsAndTargetsShiftedByOne() {
        LmData.Examples e = LmData.windows(IDS, 4, 3, 2, 0);
        // starts 2, 5, 8, 11, 14: a window needs 5 of the 21 tokens, so the last start is at most 16
        assertArrayEquals(new int[]{5, 4}, e.x().shape());
        assertArrayEquals(new int[]{5, 4}, e.y().shape());
        assertArrayEquals(new float[]{3, 4, 5, 6}, row(e.x(), 0));
        assertArrayEquals(new float[]{4, 5, 6, 7}, row(e.y(), 0));
        assertArrayEquals(new float[]{16, 17, 18, 19}, row(e.y(), 4));
        for (int w = 0; w < 5; w++) {
            float[] x = row(e.x(), w);
            float[] y = row(e.y(), w);
            for (int t = 0; t < 3; t++) {
                assertEquals(x[t + 1], y[t], "the target is the input shifted by one");
            }
        }
    }

    @Test
    void oneHotWindowsHoldTheSameTokens() {
        LmData.Examples e = LmData.windows(IDS, 3, 5, 0, 22);
        assertArrayEquals(new int[]{4, 3, 22}, e.x().shape());
        assertEquals(1.0, e.x().get(1, 2, 8), "window 1 starts at 6: its third input is id 8");
        assertEquals(4 * 3, e.x().sum().item(), "one 1 per window and step");
    }

    @Test
    void streamsAreContiguousPiecesOneRowEach() {
        LmData.Examples e = LmData.streams(IDS, 3, 0); // (21 - 1) / 3 = 6 tokens per stream
        assertArrayEquals(new int[]{3, 6}, e.x().shape());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, row(e.x(), 0));
        assertArrayEquals(new float[]{7, 8, 9, 10, 11, 12}, row(e.x(), 1));
        assertArrayEquals(new float[]{14, 15, 16, 17, 18, 19}, row(e.y(), 2));
    }

    @Test
    void validationIsTheEndOfTheText() {
        LmData d = LmData.split(IDS, 0.2);
        assertArrayEquals(IntStream.range(1, 18).toArray(), d.train());
        assertArrayEquals(new int[]{18, 19, 20, 21}, d.validation());
        assertEquals(0, LmData.split(IDS, 0).validation().length);
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals("LmData.windows: 21 tokens are too few for one window of 31 (30 inputs and the token after them);"
                + " use a shorter sequence length or a longer text",
                assertThrows(IllegalArgumentException.class, () -> LmData.windows(IDS, 30, 1, 0, 0)).getMessage());
        assertEquals("LmData.windows: the window length must be at least 1 but got 0",
                assertThrows(IllegalArgumentException.class, () -> LmData.windows(IDS, 0, 1, 0, 0)).getMessage());
        assertEquals("LmData.windows: stride must be at least 1 but got 0",
                assertThrows(IllegalArgumentException.class, () -> LmData.windows(IDS, 4, 0, 0, 0)).getMessage());
        assertEquals("LmData.windows: offset must be in [0, 16] for 21 tokens and windows of 5, but got 17",
                assertThrows(IllegalArgumentException.class, () -> LmData.windows(IDS, 4, 1, 17, 0)).getMessage());
        assertEquals("LmData.streams: streams must be at least 1 but got 0",
                assertThrows(IllegalArgumentException.class, () -> LmData.streams(IDS, 0, 0)).getMessage());
        assertEquals("LmData.streams: 21 tokens cannot be cut into 30 streams of at least 2 tokens; use fewer streams"
                + " (a smaller batch) or a longer text",
                assertThrows(IllegalArgumentException.class, () -> LmData.streams(IDS, 30, 0)).getMessage());
        assertEquals("LmData.split: validationFraction must be in [0, 1) but got 1.0; it is the fraction of the text,"
                + " taken from its end, held out (e.g. 0.1)",
                assertThrows(IllegalArgumentException.class, () -> LmData.split(IDS, 1.0)).getMessage());
    }
}
