package dev.recur.data.series;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitTest {

    private static Tensor rows(int n) { // [n, 2], row i = (i, -i)
        float[] v = new float[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = -i;
        }
        return Tensor.of(v, n, 2);
    }

    @Test
    void fractionsKeepTimeOrder() {
        Split s = Split.byFraction(rows(10), 0.7, 0.2);
        assertArrayEquals(new int[]{7, 2}, s.train().shape());
        assertArrayEquals(new int[]{2, 2}, s.validation().shape());
        assertArrayEquals(new int[]{1, 2}, s.test().shape());
        assertEquals(6f, s.train().get(6, 0));
        assertEquals(7f, s.validation().get(0, 0));
        assertEquals(9f, s.test().get(0, 0));
    }

    @Test
    void fractionsRoundDownForgivingBinaryRounding() {
        assertEquals(29, Split.byFraction(rows(100), 0.29, 0).train().dim(0)); // 0.29 * 100 = 28.999999999999996
        assertEquals(96, Split.byFraction(rows(144), 0.67, 0).train().dim(0)); // Brownlee's airline split
        assertEquals(0, Split.byFraction(rows(144), 0.67, 0).validation().dim(0));
        assertEquals(48, Split.byFraction(rows(144), 0.67, 0).test().dim(0));
    }

    @Test
    void countsAndSeriesBatches() {
        Tensor batch = Tensor.zeros(10, 5, 1); // Géron: X[:7], X[7:9], X[9:]
        Split s = Split.byCount(batch, 7, 2);
        assertArrayEquals(new int[]{7, 5, 1}, s.train().shape());
        assertArrayEquals(new int[]{2, 5, 1}, s.validation().shape());
        assertArrayEquals(new int[]{1, 5, 1}, s.test().shape());
    }

    @Test
    void errors() {
        assertMessage(() -> Split.byFraction(rows(10), 0, 0.5), "fractions must satisfy 0 < train <= 1");
        assertMessage(() -> Split.byFraction(rows(10), 0.8, 0.3), "got train=0.8, validation=0.3");
        assertMessage(() -> Split.byFraction(rows(1), 0.5, 0), "0 training and 0 validation rows do not fit in the 1 rows");
        assertMessage(() -> Split.byCount(rows(10), 8, 3), "8 training and 3 validation rows do not fit in the 10 rows of"
                + " data shaped [10, 2]");
        assertMessage(() -> Split.byCount(Tensor.scalar(1), 1, 0), "a scalar cannot be split");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
