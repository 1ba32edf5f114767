package dev.recur.io;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void replacesTheTargetAndLeavesNothingElse() throws IOException {
        Path target = dir.resolve("model.safetensors");
        SafeTensors.write(target, Map.of("w", Tensor.of(new float[]{1}, 1)), Map.of());
        SafeTensors.write(target, Map.of("w", Tensor.of(new float[]{2}, 1)), Map.of());
        assertEquals(2.0, SafeTensors.read(target).tensor("w").item());
        assertEquals(List.of(target), files());
    }

    @Test
    void failureMidWriteKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path target = dir.resolve("model.safetensors");
        SafeTensors.write(target, Map.of("w", Tensor.of(new float[]{1}, 1)), Map.of());
        byte[] before = Files.readAllBytes(target);

        var e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[1000])); // half a file...
            throw new IOException("No space left on device"); // ...then the disk fills up
        }));
        assertEquals("Could not write " + target + " (java.io.IOException: No space left on device); the previous"
                + " file, if any, is unchanged. Check the free disk space and the directory's permissions.",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of(target), files(), "no temporary file left behind");
    }

    @Test
    void crashInTheWriterKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "previous");
        var e = assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[10]));
            throw new IllegalStateException("bug in a layer's save");
        }));
        assertEquals("bug in a layer's save", e.getMessage());
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void missingDirectoryFailsBeforeAnyWork() {
        Path target = dir.resolve("runs/today/model.safetensors");
        SafeTensorsWriter writer = SafeTensors.writer().put("w", Tensor.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, () -> writer.write(target));
        assertEquals("Cannot write " + target + ": the directory " + target.getParent() + " does not exist."
                + " Create it first (mkdir -p " + target.getParent() + ") or choose another path.", e.getMessage());
    }

    @Test
    void parentThatIsAFileFails() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        var e = assertThrows(IllegalArgumentException.class,
                () -> AtomicFile.checkWritable(file.resolve("model.safetensors")));
        assertEquals("Cannot write " + file.resolve("model.safetensors") + ": " + file
                + " is not a directory. Choose another path.", e.getMessage());
    }

    @Test
    void targetThatIsADirectoryFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> AtomicFile.checkWritable(dir));
        assertEquals("Cannot write " + dir + ": it is a directory. Give a file name, such as "
                + dir.resolve("model.safetensors") + ".", e.getMessage());
    }

    @Test
    void unwritableDirectoryFailsNamingItBeforeAnyWork() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assumeTrue(readOnly.toFile().setWritable(false, false));
        Path locked = readOnly;
        if (Files.isWritable(readOnly)) { // running as root: permissions do not bind, a pseudo file system does
            locked = Path.of("/sys");
            assumeTrue(Files.isDirectory(locked), "needs a directory this user cannot write to");
        }
        Path target = locked.resolve("model.safetensors");
        boolean[] ran = {false};
        try {
            var e = assertThrows(IllegalArgumentException.class, () -> AtomicFile.write(target, channel -> ran[0] = true));
            assertTrue(e.getMessage().startsWith("Cannot write " + target + ": files cannot be created in the directory "
                    + locked + " ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("). Choose a writable directory or change its permissions."),
                    e.getMessage());
            assertEquals(false, ran[0], "the body never runs");
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }
}
