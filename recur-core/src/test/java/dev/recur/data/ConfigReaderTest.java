package dev.recur.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReaderTest {

    private static ConfigReader reader(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new ConfigReader("Test config", m);
    }

    @Test
    void integersAcceptAnyIntegralNumberClass() {
        ConfigReader r = reader("a", 3, "b", 3L, "c", 3.0, "d", new BigDecimal("3.00"), "e", BigInteger.valueOf(3));
        for (String k : List.of("a", "b", "c", "d", "e")) {
            assertEquals(3, r.integer(k));
        }
        assertArrayEquals(new long[]{1, 2}, reader("l", List.of(1, 2.0)).integers("l"));
        assertArrayEquals(new double[]{0.5, 2}, reader("l", List.of(0.5, 2)).numbers("l"));
        assertEquals(0.25, reader("x", 0.25f).number("x"));
        assertNull(reader().optionalInteger("absent"));
        assertNull(reader("n", null).optionalString("n"));
    }

    @Test
    void errorsNameKeyExpectationAndValue() {
        assertMessage(() -> new ConfigReader("Test config", null), "Test config: the configuration map is null");
        assertMessage(() -> reader("a", 3.5).integer("a"), "Test config: key \"a\" should be an integer but is 3.5 (Double)");
        assertMessage(() -> reader("a", 1L << 40).integer("a"), "key \"a\" should be an integer in the int range but is 1099511627776");
        assertMessage(() -> reader("a", Double.NaN).number("a"), "key \"a\" should be a finite number but is NaN (Double)");
        assertMessage(() -> reader("a", List.of(1, "x")).numbers("a"), "key \"a[1]\" should be a finite number but is \"x\"");
        assertMessage(() -> reader("a", List.of(1, 1.5)).integers("a"), "key \"a[1]\" should be an integer but is 1.5");
        assertMessage(() -> reader("a", 1).string("a"), "key \"a\" should be a string but is 1 (Integer)");
        assertMessage(() -> reader("a", 1).bool("a"), "key \"a\" should be true or false but is 1 (Integer)");
        assertMessage(() -> reader("a", "x").strings("a"), "key \"a\" should be a list but is \"x\" (String)");
        assertMessage(() -> reader("b", 1).string("a"), "Test config: key \"a\" is missing; keys present: [b]");
        assertMessage(() -> reader("format", "f", "version", 0).requireFormat("f", 1), "format version 0 is not supported");
        assertEquals("Test config: custom", reader().error("custom").getMessage());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
