package dev.recur.tasks.textgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8Text() throws IOException {
        Path f = Files.writeString(dir.resolve("t.txt"), "Où est l’ami?\n");
        assertEquals("Où est l’ami?\n", TextFiles.read(f));
    }

    @Test
    void emptyBinaryMissingAndNonUtf8FilesAreRefused() throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertEquals("text file " + empty + " is empty; a language model needs a text to learn from (e.g. a book as"
                + " plain text)", assertThrows(IllegalArgumentException.class, () -> TextFiles.read(empty)).getMessage());
        Path binary = Files.write(dir.resolve("b.bin"), new byte[]{'a', 'b', 0, 1, 2});
        assertEquals("text file " + binary + " looks binary (a NUL byte at offset 2); give a plain UTF-8 text file",
                assertThrows(IllegalArgumentException.class, () -> TextFiles.read(binary)).getMessage());
        Path latin1 = Files.write(dir.resolve("l.txt"), "café".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("text file " + latin1 + " is not valid UTF-8 text (Input length = 1); give a plain UTF-8 text file"
                + " (convert it with iconv -t UTF-8)",
                assertThrows(IllegalArgumentException.class, () -> TextFiles.read(latin1)).getMessage());
        Path missing = dir.resolve("nope.txt");
        assertEquals("text file " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> TextFiles.read(missing)).getMessage());
    }
}
