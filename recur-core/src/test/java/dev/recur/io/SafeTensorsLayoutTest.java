package dev.recur.io;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bytes the writer produces, checked by hand and against the Python package's own output. */
class SafeTensorsLayoutTest {

    @Test
    void tinyFileByteForByte() {
        byte[] bytes = SafeTensors.writer().put("w", Tensor.of(new float[]{1.0f, -2.0f}, 2)).toBytes();

        // 45 bytes of metadata object and comma, 53 of the entry: 98, padded with 6 spaces to 104.
        String json = "{\"__metadata__\":{\"recur.format_version\":\"1\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertEquals(98, json.length());
        byte[] expected = new byte[8 + 104 + 8];
        expected[0] = 104; // little-endian u64 header length
        byte[] header = (json + "      ").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, expected, 8, 104);
        byte[] data = {0x00, 0x00, (byte) 0x80, 0x3f, 0x00, 0x00, 0x00, (byte) 0xc0}; // 1.0f, -2.0f little-endian
        System.arraycopy(data, 0, expected, 112, 8);
        assertArrayEquals(expected, bytes);
    }

    @Test
    void headerIsPaddedWithSpacesToAMultipleOfEight() {
        for (int length = 1; length <= 9; length++) {
            byte[] bytes = SafeTensors.writer().put("x".repeat(length), Tensor.zeros(1)).toBytes();
            long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, n % 8, "header length for a name of " + length);
            String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
            assertEquals('}', header.stripTrailing().charAt(header.stripTrailing().length() - 1));
            assertEquals(n, bytes.length - 8 - 4, "nothing between header and data");
        }
    }

    @Test
    void tensorsAreLaidOutByDtypeWidestFirstThenByNameBytes() {
        byte[] bytes = SafeTensors.writer()
                .putInts("a.int", new int[]{1}, 1)
                .put("b", Tensor.zeros(1))
                .put("B", Tensor.zeros(1))
                .put("é", Tensor.zeros(1)) // UTF-8 0xC3 0xA9 sorts after every ASCII name
                .put("z", Tensor.zeros(DType.FLOAT64, 1))
                .putLongs("y", new long[]{1}, 1)
                .toBytes();
        String header = new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8);
        int[] at = {header.indexOf("\"y\""), header.indexOf("\"z\""), header.indexOf("\"B\""),
                header.indexOf("\"b\""), header.indexOf("\"é\""), header.indexOf("\"a.int\"")};
        int[] sorted = at.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, at, "I64, F64, F32 (B, b, é), I32");
    }

    /**
     * The fixture was written by Python's safetensors 0.8.0 ({@code safetensors.numpy.save_file})
     * with the tensors below and the metadata {@code {"recur.format_version": "1"}}. Recur's writer
     * must produce the same bytes.
     */
    @Test
    void sameBytesAsPythonSafetensors() throws IOException {
        byte[] python;
        try (InputStream in = getClass().getResourceAsStream("written-by-python-safetensors-0.8.0.safetensors")) {
            python = in.readAllBytes();
        }
        byte[] recur = FixtureTest.fixtureContent(SafeTensors.writer()).toBytes();
        assertEquals(new String(python, StandardCharsets.ISO_8859_1), new String(recur, StandardCharsets.ISO_8859_1));
    }
}
