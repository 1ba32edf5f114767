package dev.recur.train.callbacks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorTest {

    private static final List<String> KEYS = List.of("loss", "accuracy", "perplexity", "custom", "val_loss", "val_accuracy");

    @Test
    void autoReadsTheName() {
        assertEquals(Monitor.Mode.MIN, new Monitor("val_loss", Monitor.Mode.AUTO).resolve("X", KEYS));
        assertEquals(Monitor.Mode.MIN, new Monitor("perplexity", Monitor.Mode.AUTO).resolve("X", KEYS));
        assertEquals(Monitor.Mode.MAX, new Monitor("val_accuracy", Monitor.Mode.AUTO).resolve("X", KEYS));
        assertEquals(Monitor.Mode.MAX, new Monitor("custom", Monitor.Mode.MAX).resolve("X", KEYS));
    }

    @Test
    void improvementNeedsMoreThanMinDeltaAndNaNNeverImproves() {
        assertTrue(Monitor.improves(Monitor.Mode.MIN, 0.8, 1.0, 0.1));
        assertFalse(Monitor.improves(Monitor.Mode.MIN, 0.9, 1.0, 0.1));
        assertTrue(Monitor.improves(Monitor.Mode.MAX, 0.95, 0.8, 0.1));
        assertFalse(Monitor.improves(Monitor.Mode.MIN, Double.NaN, Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void errors() {
        assertEquals("X cannot tell whether \"custom\" should go up or down; give the mode, Monitor.Mode.MIN or"
                + " Monitor.Mode.MAX", message(() -> new Monitor("custom", Monitor.Mode.AUTO).resolve("X", KEYS)));
        assertEquals("X monitors \"val_mse\" but the logs will hold only [loss, mse]. Possible cause: no validation data;"
                + " set validationSplit or validationData, or monitor \"mse\"",
                message(() -> new Monitor("val_mse", Monitor.Mode.AUTO).resolve("X", List.of("loss", "mse"))));
        assertEquals("X monitors \"acc\" but the logs will hold only [loss, mse]. Possible cause: a metric missing from"
                + " compile, or a misspelled key", message(() -> new Monitor("acc", Monitor.Mode.AUTO).resolve("X",
                List.of("loss", "mse"))));
        assertEquals("monitor: the key must name a logged value, such as \"val_loss\"",
                message(() -> new Monitor(" ", Monitor.Mode.MIN)));
    }

    static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
