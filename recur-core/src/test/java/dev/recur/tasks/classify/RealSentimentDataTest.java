package dev.recur.tasks.classify;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real sentiment files under {@code $RECUR_DATA} read as SOURCE.md describes them. Skipped without RECUR_DATA. */
class RealSentimentDataTest {

    private static Path data(String relative) {
        String root = System.getenv("RECUR_DATA");
        Assumptions.assumeTrue(root != null && !root.isBlank(),
                "RECUR_DATA is not set: skipping the tests on the real sentiment files (set it to e.g. /work/shared/data)");
        Path p = Path.of(root, relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "RECUR_DATA is set but " + p + " does not exist");
        return p;
    }

    @Test
    void imdbTrainHas12500ReviewsPerLabelAndNoHtmlWords() {
        LabeledTexts train = TextTable.read(data("imdb/train.tsv"));
        assertEquals(25_000, train.size());
        assertEquals(List.of("0", "1"), train.labelNames());
        assertEquals(12_500, Collections.frequency(train.labels(), "1"));
        assertTrue(train.texts().get(12_500).startsWith("Bromwell High is a cartoon comedy."));
        TextEncoder e = TextEncoder.fit(TextEncoder.Options.defaults(), train.texts().subList(0, 2_000));
        assertEquals(10_000, e.vocabulary().size());
        assertEquals("the", e.vocabulary().tokens().getFirst()); // the most frequent word of English reviews
        assertFalse(e.vocabulary().contains("br"), "<br /> must be stripped as a tag");
        assertEquals(500, e.encode(train.texts().subList(0, 3)).dim(1));
    }

    @Test
    void sentenceFilesHave500PerLabel() {
        for (String f : List.of("amazon_cells_labelled.txt", "yelp_labelled.txt")) {
            LabeledTexts s = TextTable.read(data("sentiment-labelled-sentences/" + f), TableFormat.textThenLabel('\t'));
            assertEquals(1_000, s.size(), f);
            assertEquals(500, Collections.frequency(s.labels(), "1"), f);
            assertEquals(List.of("0", "1"), s.labelNames(), f);
        }
    }
}
