package dev.recur.data.text;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokenizers on the real corpora under {@code $RECUR_DATA}: tiny-shakespeare at character level
 * and the IMDB training reviews at word level. Skipped when RECUR_DATA is not set.
 */
class RealTextTest {

    private static Path data(String relative) {
        String root = System.getenv("RECUR_DATA");
        Assumptions.assumeTrue(root != null && !root.isBlank(),
                "RECUR_DATA is not set: skipping the tokenizer tests on real corpora (set RECUR_DATA to the folder"
                        + " holding tinyshakespeare/ and imdb/, e.g. /work/shared/data)");
        Path p = Path.of(root, relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "RECUR_DATA is set but " + p + " does not exist");
        return p;
    }

    @Test
    void tinyShakespeareHas65CharactersAndRoundTrips() throws IOException {
        String text = Files.readString(data("tinyshakespeare/input.txt"), StandardCharsets.UTF_8);
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.characters().withStandardizer(Standardizer.NONE), List.of(text));
        assertEquals(65, tok.wordIndex().size()); // as SOURCE.md and char-rnn / nanoGPT report
        assertEquals(66, tok.vocabularySize()); // plus padding
        assertEquals(" ", tok.wordIndex().firstEntry().getKey()); // the most frequent character
        int[] seq = tok.textToSequence(text);
        assertEquals(1_115_394, seq.length);
        assertEquals(text, tok.sequenceToText(seq));
    }

    @Test
    void imdbReviewsWithoutHtmlBreaks() throws IOException {
        List<String> reviews = new ArrayList<>();
        for (String line : Files.readAllLines(data("imdb/train.tsv"), StandardCharsets.UTF_8).subList(1, 25_001)) {
            reviews.add(line.substring(line.indexOf('\t', line.indexOf('\t', line.indexOf('\t') + 1) + 1) + 1));
        }
        Tokenizer.Options options = Tokenizer.Options.words().withNumWords(10_000).withOovToken("<OOV>");
        Tokenizer plain = Tokenizer.fit(options, reviews);
        Tokenizer clean = Tokenizer.fit(options.withStandardizer(Standardizer.KERAS_TOKENIZER.withHtmlStripped()), reviews);
        assertEquals(25_000, clean.documentCount());
        assertTrue(plain.wordIndex().get("br") < 20, "with Keras's default filters '<br />' leaves a frequent token 'br'");
        assertFalse(clean.wordIndex().containsKey("br") && clean.wordIndex().get("br") < 1000,
                "stripping tags removes the 'br' noise");
        assertEquals(2, clean.wordIndex().get("the"));
        for (int[] s : clean.textsToSequences(reviews.subList(0, 100))) {
            for (int i : s) {
                assertTrue(i >= 1 && i < 10_000, "index " + i + " outside the numWords cap");
            }
        }
    }
}
