package dev.recur.inference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeamSearchTest {

    private static final int START = 1;
    private static final int END = 2;
    private static final int A = 3;
    private static final int B = 4;

    /**
     * Next-token probabilities depend on the last token only: after the start A 0.5, B 0.4, end 0.1;
     * after A: A 0.4, B 0.3, end 0.3; after B: end 0.9, A 0.05, B 0.05. Greedy keeps choosing A;
     * the most probable sequence is B end (0.36).
     */
    private static final BeamSearch.Model<int[]> TOY = new BeamSearch.Model<>() {
        @Override
        public Next<int[]> next(int[] state, int[] tokens) {
            double[][] lp = new double[tokens.length][];
            for (int r = 0; r < tokens.length; r++) {
                double[] p = switch (tokens[r]) {
                    case START -> new double[]{0, 0, 0.1, 0.5, 0.4};
                    case A -> new double[]{0, 0, 0.3, 0.4, 0.3};
                    default -> new double[]{0, 0, 0.9, 0.05, 0.05};
                };
                lp[r] = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    lp[r][i] = Math.log(p[i]);
                }
            }
            return new Next<>(lp, tokens);
        }

        @Override
        public int[] rows(int[] state, int[] rows) {
            return rows;
        }
    };

    @Test
    void widthOneIsGreedyAndStopsAtTheLengthLimit() {
        List<Hypothesis> h = new BeamSearch(1, 0, 4).search(TOY, new int[1], START, END);
        assertEquals(1, h.size());
        assertArrayEquals(new int[]{A, A, A, A}, h.getFirst().tokens());
        assertFalse(h.getFirst().finished());
        assertEquals(Math.log(0.5 * 0.4 * 0.4 * 0.4), h.getFirst().logProb(), 1e-12);
    }

    @Test
    void aWiderBeamFindsTheMoreProbableSequence() {
        // step 2: B end (0.36) finishes; A A (0.2) and A B (0.15) stay; step 3: A B end (0.135) finishes: two done
        List<Hypothesis> h = new BeamSearch(2, 0, 10).search(TOY, new int[1], START, END);
        assertEquals(2, h.size());
        assertArrayEquals(new int[]{B, END}, h.get(0).tokens());
        assertEquals(Math.log(0.36), h.get(0).logProb(), 1e-12);
        assertTrue(h.get(0).finished());
        assertArrayEquals(new int[]{A, B, END}, h.get(1).tokens());
        assertEquals(Math.log(0.135), h.get(1).logProb(), 1e-12);
    }

    @Test
    void lengthNormalisationDividesByTheGnmtPenalty() {
        List<Hypothesis> h = new BeamSearch(2, 1.0, 10).search(TOY, new int[1], START, END);
        assertEquals(Math.log(0.36) / (7.0 / 6), h.get(0).score(), 1e-12); // ((5 + 2) / 6)^1
        assertEquals(Math.log(0.135) / (8.0 / 6), h.get(1).score(), 1e-12);
    }

    @Test
    void settingsAreChecked() {
        assertEquals("BeamSearch: width and maxLength must be at least 1 and alpha at least 0, got width=0, alpha=0.6,"
                + " maxLength=5", assertThrows(IllegalArgumentException.class, () -> new BeamSearch(0, 0.6, 5)).getMessage());
    }
}
