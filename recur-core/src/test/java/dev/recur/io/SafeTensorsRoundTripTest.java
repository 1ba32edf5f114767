package dev.recur.io;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTensorsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void float32AndFloat64TensorsComeBackBitExact() {
        Tensor f = Tensor.of(new float[]{1.5f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, -3e-7f}, 2, 3);
        Tensor d = Tensor.of(new double[]{Math.PI, -0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}, 4);
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, Map.of("f", f, "d", d), Map.of());

        SafeTensorsFile file = SafeTensors.read(path);
        assertEquals(DType.FLOAT32, file.tensor("f").dtype());
        assertArrayEquals(new int[]{2, 3}, file.tensor("f").shape());
        assertArrayEquals(f.toFloatArray(), file.tensor("f").toFloatArray()); // compares bits: NaN, -0
        assertEquals(SafeTensorsDType.F64, file.dtype("d"));
        assertArrayEquals(d.toDoubleArray(), file.tensor("d").toDoubleArray());
    }

    @Test
    void scalarAndEmptyTensors() {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.writer()
                .put("scalar", Tensor.scalar(DType.FLOAT64, 2.25))
                .put("empty", Tensor.zeros(0, 3))
                .put("emptyToo", Tensor.zeros(DType.FLOAT64, 4, 0))
                .write(path);

        SafeTensorsFile file = SafeTensors.read(path);
        assertEquals(0, file.tensor("scalar").rank());
        assertEquals(2.25, file.tensor("scalar").item());
        assertArrayEquals(new int[]{0, 3}, file.shape("empty"));
        assertArrayEquals(new int[]{4, 0}, file.tensor("emptyToo").shape());
        assertEquals(0, file.tensor("emptyToo").size());
    }

    @Test
    void filesWithoutData() {
        Path onlyEmpty = dir.resolve("empty.safetensors");
        SafeTensors.write(onlyEmpty, Map.of("e", Tensor.zeros(0)), Map.of());
        assertArrayEquals(new int[]{0}, SafeTensors.read(onlyEmpty).shape("e"));

        Path noTensors = dir.resolve("none.safetensors");
        SafeTensors.write(noTensors, Map.of(), Map.of(SafeTensors.DATA_KEY, "nothing yet"));
        SafeTensorsFile file = SafeTensors.read(noTensors);
        assertEquals(List.of(), file.names());
        assertEquals("nothing yet", file.metadata().get(SafeTensors.DATA_KEY));
    }

    @Test
    void transposedViewIsWrittenInRowMajorOrder() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, Map.of("t", a.t()), Map.of());
        assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, SafeTensors.read(path).tensor("t").toFloatArray());
    }

    @Test
    void manyTensorsOfRandomShapesAndTypes() {
        SplittableRandom rng = new SplittableRandom(7);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            int[] shape = new int[rng.nextInt(5)];
            for (int k = 0; k < shape.length; k++) {
                shape[k] = rng.nextInt(4);
            }
            DType dtype = rng.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
            tensors.put("layer" + i + (rng.nextBoolean() ? ".kernel" : ".bias"),
                    Tensor.uniform(new java.util.Random(i), dtype, -1, 1, shape));
        }
        Path path = dir.resolve("many.safetensors");
        SafeTensors.write(path, tensors, Map.of());

        SafeTensorsFile file = SafeTensors.read(path);
        assertEquals(tensors.keySet(), file.tensors().keySet());
        tensors.forEach((name, expected) -> {
            Tensor actual = file.tensor(name);
            assertEquals(expected.dtype(), actual.dtype(), name);
            assertArrayEquals(expected.shape(), actual.shape(), name);
            assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), name);
        });
    }

    @Test
    void intAndLongArrays() {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.writer()
                .putInts("ids", new int[]{Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 2)
                .putLongs("rng", new long[]{Long.MIN_VALUE, 42, Long.MAX_VALUE}, 3)
                .write(path);
        SafeTensorsFile file = SafeTensors.read(path);
        assertArrayEquals(new int[]{Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, file.ints("ids"));
        assertArrayEquals(new int[]{2, 2}, file.shape("ids"));
        assertEquals(SafeTensorsDType.I64, file.dtype("rng"));
        assertArrayEquals(new long[]{Long.MIN_VALUE, 42, Long.MAX_VALUE}, file.longs("rng"));
        assertTrue(file.tensors().isEmpty(), "tensors() holds only F32/F64 entries");
    }

    @Test
    void metadataWithEscapesAndUnicode() {
        Map<String, String> metadata = Map.of(
                SafeTensors.CONFIG_KEY, "{\"units\": 64, \"name\": \"lstm\"}",
                SafeTensors.SEED_KEY, "1234",
                "quotes\"and\\backslashes", "line\nbreak\ttab\u0001\u007f",
                "unicode é 日本 🎉", "</script>&\u2028");
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, Map.of("w", Tensor.zeros(1)), metadata);

        SafeTensorsFile file = SafeTensors.read(path);
        Map<String, String> expected = new LinkedHashMap<>(metadata);
        expected.put(SafeTensors.FORMAT_VERSION_KEY, "1");
        assertEquals(expected, file.metadata());
        assertEquals(OptionalInt.of(SafeTensors.FORMAT_VERSION), file.formatVersion());
    }

    @Test
    void namesAreInFileOrder() {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.writer()
                .put("b", Tensor.zeros(1)).put("a", Tensor.zeros(1))
                .put("c", Tensor.zeros(DType.FLOAT64, 1)).putInts("i", new int[]{1}, 1)
                .write(path);
        assertEquals(List.of("c", "a", "b", "i"), SafeTensors.read(path).names());
    }

    @Test
    void accessorsNameWhatIsMissingOrMistyped() {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.writer().put("w", Tensor.zeros(1)).putInts("i", new int[]{1}, 1)
                .putLongs("l", new long[]{1}, 1).write(path);
        SafeTensorsFile file = SafeTensors.read(path);

        var missing = assertThrows(IllegalArgumentException.class, () -> file.tensor("x"));
        assertEquals(path + " has no tensor 'x' (it has: l, w, i)", missing.getMessage());
        var notFloat = assertThrows(IllegalArgumentException.class, () -> file.tensor("i"));
        assertEquals("tensor 'i' in " + path + " holds I32 values; read it with ints(\"i\") instead",
                notFloat.getMessage());
        var notInts = assertThrows(IllegalArgumentException.class, () -> file.ints("w"));
        assertTrue(notInts.getMessage().endsWith("holds F32 values; read it with tensor(\"w\") instead"));
        var notLongs = assertThrows(IllegalArgumentException.class, () -> file.longs("i"));
        assertTrue(notLongs.getMessage().endsWith("read it with ints(\"i\") instead"));
        var notLongs2 = assertThrows(IllegalArgumentException.class, () -> file.ints("l"));
        assertTrue(notLongs2.getMessage().endsWith("holds I64 values; read it with longs(\"l\") instead"));
    }

    @Test
    void longListOfNamesIsShortenedInMessages() {
        SafeTensorsWriter writer = SafeTensors.writer();
        for (int i = 0; i < 12; i++) {
            writer.put("t" + (char) ('a' + i), Tensor.zeros(1));
        }
        Path path = dir.resolve("m.safetensors");
        writer.write(path);
        var e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.read(path).tensor("zz"));
        assertEquals(path + " has no tensor 'zz' (it has: ta, tb, tc, td, te, tf, tg, th, ti, tj, ... (12 in all))",
                e.getMessage());
    }

    @Test
    void readingAMissingFileSaysSo() {
        Path path = dir.resolve("absent.safetensors");
        var e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.read(path));
        assertEquals("Cannot load " + path + ": no such file. Check the path.", e.getMessage());
    }

    @Test
    void readFailuresNameTheFileAndTheCause() {
        var e = assertThrows(java.io.UncheckedIOException.class, () -> SafeTensors.read(dir));
        assertTrue(e.getMessage().startsWith("Cannot load " + dir + " (java.io."), e.getMessage());
    }
}
