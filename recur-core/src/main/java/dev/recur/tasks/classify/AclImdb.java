package dev.recur.tasks.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The aclImdb folder layout: one review per {@code .txt} file under {@code pos/} and {@code neg/}
 * (e.g. {@code aclImdb/train}). Labels are {@code "1"} for pos and {@code "0"} for neg, as in the
 * TSV files; files are read in name order, neg first.
 */
public final class AclImdb {

    private AclImdb() {
    }

    public static LabeledTexts read(Path split) {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String folder : List.of("neg", "pos")) {
            Path dir = split.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("aclImdb: " + split + " has no " + folder + "/ folder; give a split"
                        + " folder such as aclImdb/train that holds pos/ and neg/");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    texts.add(Files.readString(f, StandardCharsets.UTF_8));
                    labels.add(folder.equals("pos") ? "1" : "0");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("aclImdb: cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("aclImdb: " + split + " has no .txt reviews under pos/ and neg/");
        }
        return new LabeledTexts(texts, labels, split.toString());
    }
}
