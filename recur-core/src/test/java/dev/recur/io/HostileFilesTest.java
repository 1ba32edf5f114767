package dev.recur.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed file is rejected with a message naming the file and the problem, before any large allocation. */
class HostileFilesTest {

    private static final String TRUNCATED = InvalidSafeTensorsException.TRUNCATED;
    private static final String DAMAGED = InvalidSafeTensorsException.DAMAGED;

    @TempDir
    Path dir;

    /** A hostile file, the problem the message must state, and the hint that must follow it. */
    record Case(String label, byte[] bytes, String problem, String hint) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Header length field, the header text as given (no padding), then {@code dataBytes} zero bytes. */
    static byte[] file(String json, int dataBytes) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return withLength(header.length, header, dataBytes);
    }

    static byte[] withLength(long headerLength, byte[] header, int dataBytes) {
        return ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(headerLength).put(header).array();
    }

    static String f32(String name, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    static List<Case> cases() {
        return List.of(
                new Case("empty file", new byte[0],
                        "the file has 0 bytes, fewer than the 8-byte header length that starts every safetensors file",
                        TRUNCATED),
                new Case("5-byte file", new byte[5], "the file has 5 bytes, fewer than the 8-byte header length", TRUNCATED),
                new Case("header length 2^62", withLength(1L << 62, new byte[0], 16),
                        "the header length field says 4611686018427387904 bytes, more than the safetensors limit of "
                                + "100000000", DAMAGED),
                new Case("header length 2^64-1", withLength(-1, new byte[0], 16),
                        "the header length field says 18446744073709551615 bytes", DAMAGED),
                new Case("header length just over the limit", withLength(100_000_001, new byte[0], 16),
                        "the header length field says 100000001 bytes, more than the safetensors limit", DAMAGED),
                new Case("header length beyond the file", withLength(1000, "{}".getBytes(StandardCharsets.UTF_8), 8),
                        "the header length field says 1000 bytes but only 10 bytes follow it", TRUNCATED),
                new Case("invalid UTF-8", withLength(4, new byte[]{'{', (byte) 0xC3, 0x28, '}'}, 0),
                        "the header is not valid UTF-8 text", DAMAGED),
                new Case("invalid JSON", file("{\"a\":", 0), "the header is not valid JSON (", DAMAGED),
                new Case("lenient JSON", file("{a:1}", 0), "the header is not valid JSON (", DAMAGED),
                new Case("JSON array", file("[1,2]", 0), "the header is a JSON array, expected a JSON object", DAMAGED),
                new Case("JSON string", file("\"hi\"", 0), "the header is a string, expected a JSON object", DAMAGED),
                new Case("two JSON objects", file("{} {}", 0), "the header", DAMAGED),
                new Case("unknown dtype", file("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4),
                        "tensor 'w' has dtype \"F16\", which Recur does not read (supported: F32, F64, I32, I64)",
                        "Convert the tensor to one of these types before saving the file."),
                new Case("dtype not a string", file("{\"w\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                        "tensor 'w' dtype is a number, expected a string", DAMAGED),
                new Case("shape overflow", file("{" + f32("w", "[2147483647,2147483647,16]", 0, 4) + "}", 4),
                        "tensor 'w' has shape [2147483647, 2147483647, 16], whose size in bytes overflows a 64-bit"
                                + " integer", DAMAGED),
                new Case("negative dimension", file("{" + f32("w", "[-1,2]", 0, 4) + "}", 4),
                        "tensor 'w' shape holds the negative number -1", DAMAGED),
                new Case("fractional dimension", file("{" + f32("w", "[2.5]", 0, 4) + "}", 4),
                        "tensor 'w' shape holds 2.5, which is not an integer", DAMAGED),
                new Case("dimension beyond 64 bits", file("{" + f32("w", "[99999999999999999999]", 0, 4) + "}", 4),
                        "tensor 'w' shape holds 99999999999999999999, larger than 2^63-1", DAMAGED),
                new Case("string in shape", file("{" + f32("w", "[\"2\"]", 0, 4) + "}", 4),
                        "tensor 'w' shape holds a string where an integer belongs", DAMAGED),
                new Case("shape not an array", file("{" + f32("w", "2", 0, 4) + "}", 4),
                        "tensor 'w' shape is a number, expected a JSON array", DAMAGED),
                new Case("offsets out of bounds", file("{" + f32("w", "[1024]", 0, 4096) + "}", 16),
                        "tensor 'w' has data_offsets [0, 4096] but the data after the header has only 16 bytes",
                        TRUNCATED),
                new Case("1 GiB tensor in a tiny file", file("{" + f32("w", "[268435456]", 0, 1L << 30) + "}", 16),
                        "tensor 'w' has data_offsets [0, 1073741824] but the data after the header has only 16"
                                + " bytes", TRUNCATED),
                new Case("end before begin", file("{" + f32("w", "[1]", 8, 4) + "}", 8),
                        "tensor 'w' has data_offsets [8, 4], whose end comes before its begin", DAMAGED),
                new Case("size disagrees with shape", file("{" + f32("w", "[2]", 0, 4) + "}", 4),
                        "tensor 'w' has dtype F32 and shape [2], which take 8 bytes, but its data_offsets [0, 4]"
                                + " span 4", DAMAGED),
                new Case("overlapping offsets", file("{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 4, 12) + "}", 12),
                        "tensors 'a' (data_offsets [0, 8]) and 'b' (data_offsets [4, 12]) overlap", DAMAGED),
                new Case("gap between tensors", file("{" + f32("a", "[1]", 0, 4) + "," + f32("b", "[1]", 8, 12) + "}", 12),
                        "bytes 4 to 8 of the data belong to no tensor (between 'a' and 'b')", DAMAGED),
                new Case("gap at the start", file("{" + f32("a", "[1]", 4, 8) + "}", 8),
                        "bytes 0 to 4 of the data belong to no tensor (before 'a')", DAMAGED),
                new Case("bytes after the last tensor", file("{" + f32("a", "[1]", 0, 4) + "}", 12),
                        "bytes 4 to 12 of the data belong to no tensor (after 'a')", DAMAGED),
                new Case("data but no tensors", file("{}", 8),
                        "bytes 0 to 8 of the data belong to no tensor (the header lists no tensors)", DAMAGED),
                new Case("three offsets", file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", 4),
                        "tensor 'w' data_offsets has 3 numbers, expected 2 [begin, end]", DAMAGED),
                new Case("missing field", file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4),
                        "tensor 'w' has no 'data_offsets' field", DAMAGED),
                new Case("unknown field", file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],"
                        + "\"foo\":1}}", 4),
                        "tensor 'w' has an unknown field 'foo' (expected dtype, shape and data_offsets)", DAMAGED),
                new Case("field twice", file("{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],"
                        + "\"data_offsets\":[0,4]}}", 4), "tensor 'w' has the field 'dtype' twice", DAMAGED),
                new Case("entry not an object", file("{\"w\":7}", 0), "tensor 'w' is a number, expected a JSON object",
                        DAMAGED),
                new Case("tensor name twice", file("{" + f32("a", "[1]", 0, 4) + "," + f32("a", "[1]", 4, 8) + "}", 8),
                        "the header names 'a' twice", DAMAGED),
                new Case("metadata value not a string", file("{\"__metadata__\":{\"k\":1}}", 0),
                        "__metadata__ entry 'k' is a number; metadata values must be strings", DAMAGED),
                new Case("metadata value an object", file("{\"__metadata__\":{\"k\":{\"x\":\"y\"}}}", 0),
                        "__metadata__ entry 'k' is a JSON object; metadata values must be strings", DAMAGED),
                new Case("metadata not an object", file("{\"__metadata__\":[\"k\"]}", 0),
                        "__metadata__ is a JSON array, expected a JSON object", DAMAGED),
                new Case("metadata key twice", file("{\"__metadata__\":{\"k\":\"a\",\"k\":\"b\"}}", 0),
                        "__metadata__ names 'k' twice", DAMAGED),
                new Case("newer format version", file("{\"__metadata__\":{\"recur.format_version\":\"7\"}}", 0),
                        "it was written in Recur file format version 7, and this release reads format versions up to 1",
                        "Upgrade Recur to load it."),
                new Case("format version not a number", file("{\"__metadata__\":{\"recur.format_version\":\"one\"}}", 0),
                        "the metadata recur.format_version is \"one\", not a positive integer", DAMAGED),
                new Case("dimension beyond a Java array", file("{" + f32("w", "[4294967296,0]", 0, 0) + "}", 0),
                        "tensor 'w' has shape [4294967296, 0], larger than a Java array holds (2147483639 elements in"
                                + " all, and per dimension)", "Split the tensor into smaller ones before saving the file."));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rejectedWithFileProblemAndHint(Case c) throws IOException {
        Path path = Files.write(dir.resolve("hostile.safetensors"), c.bytes());
        var e = assertThrows(InvalidSafeTensorsException.class, () -> SafeTensors.read(path));
        String prefix = "Cannot load " + path + ": ";
        assertTrue(e.getMessage().startsWith(prefix + c.problem()), e.getMessage());
        assertTrue(e.getMessage().endsWith(". " + c.hint()), e.getMessage());
        assertEquals(path, e.file());
    }

    @Test
    void rejectedWithoutLargeAllocation() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path warmUp = Files.write(dir.resolve("warm.safetensors"), file("{" + f32("w", "[1]", 0, 4) + "}", 4));
        SafeTensors.read(warmUp); // loads classes, so that only the read itself is measured below
        for (Case c : cases()) {
            Path path = Files.write(dir.resolve("hostile.safetensors"), c.bytes());
            long before = threads.getCurrentThreadAllocatedBytes();
            assertThrows(InvalidSafeTensorsException.class, () -> SafeTensors.read(path));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 4 << 20, c + " allocated " + allocated + " bytes");
        }
    }

    @Test
    void nullMetadataAndNoVersionAreAcceptedAsPythonDoes() throws IOException {
        Path path = Files.write(dir.resolve("foreign.safetensors"),
                file("{\"__metadata__\":null," + f32("w", "[1]", 0, 4) + "}", 4));
        SafeTensorsFile file = SafeTensors.read(path);
        assertEquals(Map.of(), file.metadata());
        assertEquals(OptionalInt.empty(), file.formatVersion());
        assertEquals(0.0, file.tensor("w").item());
    }

    @Test
    void unpaddedHeaderAndUnalignedDataAreRead() throws IOException {
        byte[] bytes = file("{" + f32("w", "[2]", 0, 8) + "}", 8); // 54-byte header, not padded
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 8, 1.5f).putFloat(bytes.length - 4, -2f);
        Path path = Files.write(dir.resolve("unaligned.safetensors"), bytes);
        assertTrue((bytes.length - 8) % 4 != 0, "the data starts at an offset no float is aligned to");
        float[] values = SafeTensors.read(path).tensor("w").toFloatArray();
        assertEquals(1.5f, values[0]);
        assertEquals(-2f, values[1]);
    }
}
