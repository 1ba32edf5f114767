package dev.recur.tasks.textgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a text file for a language model: UTF-8, not empty, not binary. */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text; an error naming the file when it is missing, empty, binary or not UTF-8. */
    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("text file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read text file " + file + ": " + e.getMessage());
        }
        return decode(bytes, file.toString());
    }

    /** {@link #read}'s checks on bytes already in memory; {@code name} names them in errors. */
    static String decode(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("text file " + name + " is empty; a language model needs a text to learn"
                    + " from (e.g. a book as plain text)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException("text file " + name + " looks binary (a NUL byte at offset " + i
                        + "); give a plain UTF-8 text file");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text file " + name + " is not valid UTF-8 text (" + e.getMessage()
                    + "); give a plain UTF-8 text file (convert it with iconv -t UTF-8)");
        }
    }
}
