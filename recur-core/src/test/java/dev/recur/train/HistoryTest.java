package dev.recur.train;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.recur.train.FitOptionsTest.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {

    @Test
    void keepsEpochLogsInOrderUnmodifiable() {
        History h = History.of(List.of(Map.of("loss", 2.0), Map.of("loss", 1.0)));
        assertArrayEquals(new double[]{2.0, 1.0}, h.get("loss"));
        assertEquals(1.0, h.last("loss"));
        assertEquals(2, h.size());
        assertEquals(List.of("loss"), h.keys());
        assertThrows(UnsupportedOperationException.class, () -> h.epoch(0).put("loss", 3.0));
        assertTrue(h.stopReason().isEmpty());
        h.stop("first");
        h.stop("second");
        assertEquals("first", h.stopReason().orElseThrow());
        assertEquals("History(2 epochs, stopped: first)", h.toString());
    }

    @Test
    void errors() {
        History h = History.of(List.of(Map.of("loss", 2.0)));
        assertEquals("History.epoch: epoch 1 is not in 0..0", message(() -> h.epoch(1)));
        assertEquals("History has no 'val_loss'; it holds [loss]", message(() -> h.get("val_loss")));
    }
}
