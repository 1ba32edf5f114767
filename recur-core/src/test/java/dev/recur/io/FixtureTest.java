package dev.recur.io;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files written by earlier releases and by other tools must keep loading (STYLE.md rule 11).
 * Never regenerate a fixture: add a new one next to it when the format changes.
 */
class FixtureTest {

    @TempDir
    Path dir;

    /** The content of both fixtures; hand-written values. */
    static SafeTensorsWriter fixtureContent(SafeTensorsWriter writer) {
        return writer
                .put("dense.kernel", Tensor.of(new float[]{0.5f, -1, 2, 3.25f, 4, 0.001f}, 2, 3))
                .put("dense.bias", Tensor.of(new float[]{0.1f, -0.2f, 0.3f}, 3))
                .put("scale", Tensor.scalar(DType.FLOAT64, 1.5))
                .put("empty", Tensor.zeros(0, 3))
                .putInts("tokens", new int[]{-1, 2, Integer.MAX_VALUE}, 3)
                .putLongs("step", new long[]{-7, 1L << 40}, 2);
    }

    /** Written by Recur 0.1.0-SNAPSHOT, file format 1, with {@code fixtureContent} and four metadata keys. */
    @Test
    void recurFormat1Loads() throws IOException {
        SafeTensorsFile file = SafeTensors.read(resource("recur-format-1.safetensors"));

        assertEquals(OptionalInt.of(1), file.formatVersion());
        assertEquals(Map.of(
                SafeTensors.FORMAT_VERSION_KEY, "1",
                SafeTensors.CONFIG_KEY, "{\"layer\":\"Dense\",\"units\":3}",
                SafeTensors.LIBRARY_VERSION_KEY, "0.1.0-SNAPSHOT",
                SafeTensors.SEED_KEY, "42",
                SafeTensors.DATA_KEY, "fixture: hand-written values"), file.metadata());
        assertFixtureTensors(file);
    }

    @Test
    void pythonWrittenFileLoads() throws IOException {
        SafeTensorsFile file = SafeTensors.read(resource("written-by-python-safetensors-0.8.0.safetensors"));
        assertEquals(Map.of(SafeTensors.FORMAT_VERSION_KEY, "1"), file.metadata());
        assertFixtureTensors(file);
    }

    private static void assertFixtureTensors(SafeTensorsFile file) {
        assertEquals(List.of("step", "scale", "dense.bias", "dense.kernel", "empty", "tokens"), file.names());
        Tensor kernel = file.tensor("dense.kernel");
        assertEquals(DType.FLOAT32, kernel.dtype());
        assertArrayEquals(new int[]{2, 3}, kernel.shape());
        assertArrayEquals(new float[]{0.5f, -1, 2, 3.25f, 4, 0.001f}, kernel.toFloatArray());
        assertArrayEquals(new float[]{0.1f, -0.2f, 0.3f}, file.tensor("dense.bias").toFloatArray());
        assertEquals(DType.FLOAT64, file.tensor("scale").dtype());
        assertEquals(1.5, file.tensor("scale").item());
        assertArrayEquals(new int[]{0, 3}, file.shape("empty"));
        assertArrayEquals(new int[]{-1, 2, Integer.MAX_VALUE}, file.ints("tokens"));
        assertArrayEquals(new long[]{-7, 1L << 40}, file.longs("step"));
    }

    private Path resource(String name) throws IOException {
        Path path = dir.resolve(name);
        try (InputStream in = FixtureTest.class.getResourceAsStream(name)) {
            Files.copy(in, path);
        }
        return path;
    }
}
