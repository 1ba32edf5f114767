package dev.recur.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writesAFlatObject() {
        assertEquals("{\"a\":\"x-1.y\",\"b\":7,\"c\":0.5}", new JsonLine().put("a", "x-1.y").put("b", 7).put("c", 0.5)
                .toString());
        assertEquals("{}", new JsonLine().toString());
        assertEquals("{\"t\":true,\"f\":false}", new JsonLine().put("t", true).put("f", false).toString());
        assertEquals("{\"a\":null,\"b\":1}", new JsonLine().putNull("a").put("b", 1).toString());
    }

    @Test
    void refusesWhatWouldNeedEscaping() {
        var quote = assertThrows(IllegalArgumentException.class, () -> new JsonLine().put("name", "a\"b"));
        assertEquals("JSON value of name may hold only letters, digits and _-.:/ but got 'a\"b'", quote.getMessage());
        var key = assertThrows(IllegalArgumentException.class, () -> new JsonLine().put("a b", 1));
        assertEquals("JSON key may hold only letters, digits and _-.:/ but got 'a b'", key.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> new JsonLine().put("x", Double.NaN));
        assertEquals("JSON number for 'x' must be finite, got NaN", nan.getMessage());
    }
}
