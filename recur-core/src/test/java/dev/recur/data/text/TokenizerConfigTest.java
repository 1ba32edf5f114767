package dev.recur.data.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tokenizer saved as a plain map (as a model file's metadata holds it) and read back. */
class TokenizerConfigTest {

    private static final List<String> TEXTS = List.of("The cat sat on the mat.", "The dog ate my <b>homework</b>.");

    @Test
    void roundTripRestoresOptionsCountsAndIndices() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words().withNumWords(6).withOovToken("<OOV>")
                .withStandardizer(Standardizer.KERAS_TOKENIZER.withHtmlStripped()), TEXTS);
        Tokenizer back = Tokenizer.fromConfig(tok.toConfig());
        assertEquals(tok.options(), back.options());
        assertEquals(tok.wordIndex(), back.wordIndex());
        assertEquals(List.copyOf(tok.wordCounts().entrySet()), List.copyOf(back.wordCounts().entrySet()));
        assertEquals(tok.documentCount(), back.documentCount());
        assertArrayEquals(tok.textToSequence("the dog sat on a mat"), back.textToSequence("the dog sat on a mat"));
    }

    @Test
    void survivesJsonNumberTypes() {
        // A JSON parser may hand numbers back as Double (Gson) or BigDecimal; integral values are accepted.
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.characters().withNumWords(5), List.of("abcab"));
        Map<String, Object> m = tok.toConfig();
        m.put("numWords", 5.0);
        m.put("documentCount", new java.math.BigDecimal("1"));
        m.put("counts", ((List<?>) m.get("counts")).stream().map(c -> (Object) ((Long) c).doubleValue()).toList());
        assertEquals(tok.wordIndex(), Tokenizer.fromConfig(m).wordIndex());
        assertEquals(5, Tokenizer.fromConfig(m).options().numWords());
    }

    @Test
    void firstOccurrenceOrderSurvivesSoLaterFitsBreakTiesAsKerasWould() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words(), List.of("b a a"));
        assertEquals(List.of("a", "b"), List.copyOf(tok.wordIndex().keySet()));
        Tokenizer more = Tokenizer.fromConfig(tok.toConfig()).fitMore(List.of("b"));
        assertEquals(List.of("b", "a"), List.copyOf(more.wordIndex().keySet())); // 2 each: b was seen first
    }

    @Test
    void rejectsForeignOrCorruptConfigurations() {
        Map<String, Object> good = Tokenizer.fit(Tokenizer.Options.words(), List.of("x y y")).toConfig();
        assertRejected(good, "format", "recur.series.Scaler", "format is \"recur.series.Scaler\" but \"recur.text.Tokenizer\"");
        assertRejected(good, "version", 2, "format version 2 is not supported (this library reads versions 1 to 1)");
        assertRejected(good, "level", "WORDS", "key \"level\" should be one of [WORD, CHARACTER] but is \"WORDS\"");
        assertRejected(good, "lowerCase", "yes", "key \"lowerCase\" should be true or false but is \"yes\" (String)");
        assertRejected(good, "numWords", 2.5, "key \"numWords\" should be an integer but is 2.5 (Double)");
        assertRejected(good, "split", null, "key \"split\" is null");
        assertRejected(good, "words", List.of("x"), "\"words\" has 1 entries but \"counts\" has 2");
        assertRejected(good, "words", List.of("x", "x"), "word \"x\" appears twice in \"words\" (again at position 1)");
        assertRejected(good, "counts", List.of(1, 0), "word \"y\" at position 1 has count 0; counts must be at least 1");
        assertRejected(good, "counts", "1,2", "key \"counts\" should be a list but is \"1,2\" (String)");
        assertRejected(good, "words", List.of("x", 7), "key \"words[1]\" should be a string but is 7 (Integer)");
        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove("oovToken"); // optional: absent means none
        assertEquals(null, Tokenizer.fromConfig(missing).options().oovToken());
        missing.remove("documentCount");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.fromConfig(missing));
        assertTrue(e.getMessage().startsWith("Tokenizer config: key \"documentCount\" is missing; keys present: [format,"),
                e.getMessage());
    }

    private static void assertRejected(Map<String, Object> good, String key, Object value, String expected) {
        Map<String, Object> bad = new LinkedHashMap<>(good);
        bad.put(key, value instanceof List<?> l ? new ArrayList<>(l) : value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.fromConfig(bad));
        assertTrue(e.getMessage().startsWith("Tokenizer config: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
