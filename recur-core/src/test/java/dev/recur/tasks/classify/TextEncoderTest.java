package dev.recur.tasks.classify;

import dev.recur.data.text.Sequences;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text pipeline on texts small enough to check by hand. */
class TextEncoderTest {

    // counts: the 3, film 2, good 2, bad 1, plot 1 ("<br />" is a tag, not words)
    private static final List<String> TEXTS = List.of("The film, the GOOD film!<br />Good.", "the bad plot");

    private static TextEncoder fit(TextEncoder.Options o) {
        return TextEncoder.fit(o, TEXTS);
    }

    private static float[] row(Tensor t, int r) {
        float[] out = new float[t.dim(1)];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) t.get(r, j);
        }
        return out;
    }

    @Test
    void wordsAreLowerCasedWithoutHtmlAndPunctuation() {
        TextEncoder e = fit(TextEncoder.Options.defaults());
        assertEquals(List.of("the", "film", "the", "good", "film", "good"), e.words(TEXTS.getFirst()));
        // 0 padding, 1 <OOV>, then by count, ties in order of first appearance
        assertEquals(List.of("the", "film", "good", "bad", "plot"), e.vocabulary().tokens());
        assertArrayEquals(new int[]{2, 3, 1, 4}, e.ids("The film is GOOD"));
    }

    @Test
    void numWordsCountsPaddingAndOov() {
        TextEncoder e = fit(TextEncoder.Options.defaults().withNumWords(4)); // padding, OOV, "the", "film"
        assertEquals(4, e.vocabulary().size());
        assertArrayEquals(new int[]{2, 3, 1}, e.ids("the film good"));
    }

    @Test
    void withoutOovUnknownWordsAreDropped() {
        TextEncoder e = fit(TextEncoder.Options.defaults().withOovBuckets(0));
        assertArrayEquals(new int[]{1, 2}, e.ids("the zebra film"));
    }

    @Test
    void hashedBucketsKeepUnknownWordsApartAndStable() {
        TextEncoder e = fit(TextEncoder.Options.defaults().withOovBuckets(3));
        assertEquals(4, e.vocabulary().firstTokenIndex());
        int zebra = e.ids("zebra")[0];
        assertTrue(zebra >= 1 && zebra <= 3, "bucket " + zebra);
        assertEquals(zebra, e.ids("zebra")[0]);
        assertEquals(4, e.ids("the")[0]);
    }

    @Test
    void padsAndTruncatesAtTheFrontByDefault() {
        TextEncoder e = fit(TextEncoder.Options.defaults().withMaxlen(3));
        Tensor x = e.encode(List.of("good", "the film the good film"));
        assertArrayEquals(new float[]{0, 0, 4}, row(x, 0));
        assertArrayEquals(new float[]{2, 4, 3}, row(x, 1)); // the last 3 words kept
    }

    @Test
    void postPaddingAndTruncation() {
        TextEncoder e = fit(TextEncoder.Options.defaults().withMaxlen(3)
                .withPadding(Sequences.Padding.POST, Sequences.Truncating.POST));
        Tensor x = e.encode(List.of("good", "the film the good film"));
        assertArrayEquals(new float[]{4, 0, 0}, row(x, 0));
        assertArrayEquals(new float[]{2, 3, 2}, row(x, 1)); // the first 3 words kept
    }

    @Test
    void countsAndMultiHotVectors() {
        TextEncoder.Options o = TextEncoder.Options.defaults().withVectorization(TextEncoder.Vectorization.COUNTS);
        Tensor counts = fit(o).encode(List.of("the film the zebra"));
        assertArrayEquals(new float[]{0, 1, 2, 1, 0, 0, 0}, row(counts, 0)); // padding, OOV, the, film, good, bad, plot
        Tensor hot = fit(o.withVectorization(TextEncoder.Vectorization.MULTI_HOT)).encode(List.of("the film the zebra"));
        assertArrayEquals(new float[]{0, 1, 1, 1, 0, 0, 0}, row(hot, 0));
        assertArrayEquals(new int[]{7}, fit(o).inputShape());
    }

    @Test
    void configRoundTripsToTheSameEncoding() {
        TextEncoder e = fit(TextEncoder.Options.defaults().withMaxlen(4).withOovBuckets(2));
        TextEncoder back = TextEncoder.fromConfig(e.toConfig());
        assertEquals(e.options(), back.options());
        assertEquals(e.vocabulary().tokens(), back.vocabulary().tokens());
        List<String> probe = List.of("the zebra film <br/> was GOOD", "plot");
        assertArrayEquals(e.encode(probe).floats(), back.encode(probe).floats());
    }

    @Test
    void badOptionsAndConfigsAreNamed() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> TextEncoder.Options.defaults().withNumWords(2));
        assertTrue(small.getMessage().contains("numWords 2 leaves no room for words"), small.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> TextEncoder.Options.defaults().withMaxlen(0));
        assertTrue(neg.getMessage().contains("maxlen >= 1"), neg.getMessage());
        Map<String, Object> config = new java.util.HashMap<>(fit(TextEncoder.Options.defaults().withNumWords(5)).toConfig());
        config.put("words", List.of("a", "b", "c", "d"));
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> TextEncoder.fromConfig(config));
        assertTrue(many.getMessage().contains("more than numWords 5 allows"), many.getMessage());
    }
}
