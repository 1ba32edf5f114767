package dev.recur.tasks.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics on confusion matrices small enough to check by hand. */
class ClassificationReportTest {

    @Test
    void binaryMetricsAreThoseOfThePositiveClass() {
        // true:      0 0 0 1 1 1 1
        // predicted: 0 1 0 1 1 0 1   -> TN 2, FP 1, FN 1, TP 3
        ClassificationReport r = ClassificationReport.of(List.of("neg", "pos"), new int[]{0, 0, 0, 1, 1, 1, 1},
                new int[]{0, 1, 0, 1, 1, 0, 1});
        assertArrayEquals(new long[]{2, 1}, r.confusion()[0]);
        assertArrayEquals(new long[]{1, 3}, r.confusion()[1]);
        assertEquals(5.0 / 7, r.accuracy(), 1e-12);
        assertEquals(3.0 / 4, r.precision(), 1e-12);
        assertEquals(3.0 / 4, r.recall(), 1e-12);
        assertEquals(0.75, r.f1(), 1e-12);
        assertTrue(r.toString().contains("precision 0.7500 (positive class \"pos\")"), r.toString());
        assertEquals(List.of("accuracy", "precision", "recall", "f1", "confusion", "labels", "samples"),
                List.copyOf(r.toMap().keySet()));
    }

    @Test
    void multiClassMetricsAreMacroAverages() {
        // a: 2 right; b: 1 right, 1 as c; c: never predicted right (1 as a)
        ClassificationReport r = ClassificationReport.of(List.of("a", "b", "c"), new int[]{0, 0, 1, 1, 2},
                new int[]{0, 0, 1, 2, 0});
        assertEquals(3.0 / 5, r.accuracy(), 1e-12);
        assertEquals((2.0 / 3 + 1 + 0) / 3, r.precision(), 1e-12);
        assertEquals((1 + 0.5 + 0) / 3, r.recall(), 1e-12);
        assertEquals((0.8 + 2.0 / 3 + 0) / 3, r.f1(), 1e-12);
    }

    @Test
    void lengthsMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(List.of("a", "b"), new int[]{0}, new int[]{0, 1}));
        assertTrue(e.getMessage().contains("1 true classes but 2 predictions"), e.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> new ClassificationReport(List.of("a", "b"), new long[3][3]));
        assertTrue(rows.getMessage().contains("2 labels but a 3-row confusion matrix"), rows.getMessage());
    }
}
