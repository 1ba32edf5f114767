package dev.recur.tasks.seq2seq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads translation pairs: one {@code source<TAB>target} per line, UTF-8; further tab-separated
 * columns (the attribution in Tatoeba's files) are ignored, blank lines skipped. A line without a
 * tab or with an empty side is an error naming the file and line.
 */
public final class PairsFile {

    private PairsFile() {
    }

    public static List<TextPair> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("pairs file " + path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pairs file " + path, e);
        }
        return parse(lines, path.toString());
    }

    /** Parses lines; {@code where} names their origin in messages. */
    public static List<TextPair> parse(List<String> lines, String where) {
        List<TextPair> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalArgumentException(where + " line " + (i + 1) + " is not source<TAB>target: \""
                        + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "\""
                        + (cols.length < 2 ? " has no tab" : " has an empty side")
                        + ". Each line needs a source text, a tab and its translation (further columns are ignored)");
            }
            out.add(new TextPair(cols[0].strip(), cols[1].strip()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + " has no pairs; each line needs source<TAB>target");
        }
        return out;
    }
}
