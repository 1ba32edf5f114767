package dev.recur.tasks.seq2seq;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceScoresTest {

    private static List<String> w(String s) {
        return Arrays.asList(s.split(" "));
    }

    @Test
    void editDistanceByHand() {
        assertEquals(3, SequenceScores.editDistance(w("k i t t e n"), w("s i t t i n g")));
        assertEquals(0, SequenceScores.editDistance(w("a b"), w("a b")));
        assertEquals(2, SequenceScores.editDistance(List.of(), w("a b")));
    }

    @Test
    void werCountsWordsWrongAgainstEveryReferenceAndPerTheClosest() {
        // word 1 matches its second reference; word 2 is one substitution from a 3-phoneme reference
        SequenceScores.ErrorRates r = SequenceScores.errorRates(List.of(w("T AH0"), w("K AE1 D")),
                List.of(List.of(w("T UW1"), w("T AH0")), List.of(w("K AE1 T"))));
        assertEquals(0.5, r.wer());
        assertEquals(1.0 / 5, r.per(), 1e-15);
    }

    @Test
    void bleuByHand() {
        // precisions 5/6, 3/5, 2/4, 1/3; equal lengths: BLEU = (1/12)^(1/4) = 0.5373
        double b = SequenceScores.bleu(List.of(w("the cat sat on the mat")), List.of(w("the cat sat on a mat")));
        assertEquals(Math.pow(1.0 / 12, 0.25), b, 1e-12);
        assertEquals(0.5373, b, 1e-4);
        assertEquals(1.0, SequenceScores.bleu(List.of(w("a b c d")), List.of(w("a b c d"))), 1e-15);
        assertEquals(0.0, SequenceScores.bleu(List.of(w("a b c")), List.of(w("a b c"))), "no 4-gram at all");
        // brevity: hypothesis of 4 words against a reference of 5 whose first 4 it matches: exp(1 - 5/4)
        assertEquals(Math.exp(-0.25), SequenceScores.bleu(List.of(w("a b c d")), List.of(w("a b c d e"))), 1e-12);
    }

    @Test
    void chrFByHand() {
        // "ab" vs "abc": P = (1 + 1 + 0) / 3, R = (2/3 + 1/2 + 0) / 3; F2 = 5PR / (4P + R) = 0.4242
        double p = 2.0 / 3;
        double r = (2.0 / 3 + 0.5) / 3;
        assertEquals(5 * p * r / (4 * p + r), SequenceScores.chrF(List.of("ab"), List.of("abc")), 1e-15);
        assertEquals(0.4242, SequenceScores.chrF(List.of("ab"), List.of("abc")), 1e-4);
        assertEquals(1.0, SequenceScores.chrF(List.of("le chat"), List.of("lechat")), 1e-15, "whitespace is ignored");
        assertEquals(0.0, SequenceScores.chrF(List.of("xyz"), List.of("abc")));
    }

    @Test
    void mismatchedSizesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceScores.bleu(List.of(w("a")), List.of()))
                .getMessage().contains("got 1 hypotheses and 0 references"));
    }
}
