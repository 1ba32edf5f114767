package dev.recur.io;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The writer's argument checks. */
class SafeTensorsWriterTest {

    @Test
    void reservedAndDuplicateNamesAreRejected() {
        SafeTensorsWriter writer = SafeTensors.writer().put("w", Tensor.zeros(1));
        var reserved = assertThrows(IllegalArgumentException.class,
                () -> writer.put("__metadata__", Tensor.zeros(1)));
        assertEquals("put: the name __metadata__ is reserved for the header's metadata; choose another tensor name",
                reserved.getMessage());
        var duplicate = assertThrows(IllegalArgumentException.class, () -> writer.putInts("w", new int[]{1}, 1));
        assertEquals("put: the name 'w' was already given to another tensor", duplicate.getMessage());
    }

    @Test
    void valuesMustFillTheShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.writer().putLongs("step", new long[]{1, 2, 3}, 2, 2));
        assertEquals("put 'step': 3 values do not fill shape [2, 2] (4 elements)", e.getMessage());
    }

    @Test
    void formatVersionIsTheWritersAndKeysAreGivenOnce() {
        var version = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.writer().putMetadata(SafeTensors.FORMAT_VERSION_KEY, "2"));
        assertEquals("putMetadata: recur.format_version is written by the writer itself (it is 1); choose another key",
                version.getMessage());
        var twice = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.writer().putMetadata(Map.of("k", "a")).putMetadata("k", "b"));
        assertEquals("putMetadata: the key 'k' was already given", twice.getMessage());
    }

    @Test
    void unpairedSurrogateIsRejected() {
        SafeTensorsWriter writer = SafeTensors.writer().put("bad\uD800name", Tensor.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, writer::toBytes);
        assertEquals("safetensors header: tensor names and metadata must be valid Unicode text, but one holds an"
                + " unpaired surrogate character; fix the string before saving", e.getMessage());
    }

    @Test
    void headerLargerThanReadersAcceptIsRejected() {
        // {"__metadata__":{"huge":"x...x","recur.format_version":"1"}} is 100000055 bytes, padded to 100000056
        SafeTensorsWriter writer = SafeTensors.writer().putMetadata("huge", "x".repeat(100_000_000));
        var e = assertThrows(IllegalArgumentException.class, writer::toBytes);
        assertEquals("safetensors header would be 100000056 bytes, more than readers accept (100000000);"
                + " store large metadata in a separate file", e.getMessage());
    }
}
