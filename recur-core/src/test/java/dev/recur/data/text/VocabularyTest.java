package dev.recur.data.text;

import dev.recur.data.text.Vocabulary.Oov;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    @Test
    void layoutIsPaddingThenOovThenTokens() {
        Vocabulary v = Vocabulary.of(List.of("earth", "wind", "and", "fire"), Oov.token("[UNK]"));
        // Keras TextVectorization(vocabulary=[...]).get_vocabulary(): ['', '[UNK]', 'earth', 'wind', 'and', 'fire']
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            all.add(v.token(i));
        }
        assertEquals(List.of("", "[UNK]", "earth", "wind", "and", "fire"), all);
        assertArrayEquals(new int[]{2, 1, 5}, v.encode(List.of("earth", "water", "fire")));
        assertEquals(List.of("earth", "[UNK]"), v.decode(new int[]{0, 2, 1, 0}));
        assertTrue(v.contains("wind"));
        assertFalse(v.contains("[UNK]"));
    }

    @Test
    void withoutOovUnknownTokensAreDropped() {
        Vocabulary v = Vocabulary.of(List.of("a", "b"), Oov.NONE);
        assertEquals(Vocabulary.NOT_FOUND, v.index("z"));
        assertArrayEquals(new int[]{1, 2}, v.encode(List.of("a", "z", "b")));
        assertEquals(3, v.size());
    }

    @Test
    void hashedBucketsAreStableAndInRange() {
        Vocabulary v = Vocabulary.of(List.of("a", "b"), Oov.hashed(4, "[UNK]"));
        assertEquals(5, v.firstTokenIndex());
        assertEquals(5, v.index("a"));
        assertEquals(7, v.size());
        int seen = 0;
        for (String w : List.of("x", "y", "zebra", "quokka", "ocelot", "lynx", "kiwi", "emu")) {
            int i = v.index(w);
            assertTrue(i >= 1 && i <= 4, w + " -> " + i);
            assertEquals(i, v.index(new String(w))); // same word, same bucket
            assertEquals("[UNK]", v.token(i));
            seen |= 1 << i;
        }
        assertNotEquals(1 << Integer.numberOfTrailingZeros(seen), seen, "all unknown words fell in one bucket");
        assertEquals(0xaf63dc4c8601ec8cL, Vocabulary.fnv1a("a")); // published FNV-1a 64 test vector
    }

    @Test
    void fromCountsSortsByCountKeepingMapOrderForTiesAndCapsSize() {
        SequencedMap<String, Long> counts = new LinkedHashMap<>();
        counts.put("foo", 1L);
        counts.put("bar", 2L);
        counts.put("baz", 2L);
        counts.put("", 9L); // padding text is never a token
        counts.put("[UNK]", 9L); // nor is the OOV token
        counts.put("boom", 1L);
        Vocabulary v = Vocabulary.fromCounts(counts, Oov.token("[UNK]"));
        assertEquals(List.of("bar", "baz", "foo", "boom"), v.tokens());
        Vocabulary capped = Vocabulary.fromCounts(counts, Oov.token("[UNK]"), 4); // Keras max_tokens counts '' and [UNK]
        assertEquals(List.of("bar", "baz"), capped.tokens());
        assertEquals(4, capped.size());
    }

    @Test
    void errorsNameTheProblem() {
        assertMessage(() -> new Oov(-1, null), "buckets must be 0 or more but is -1");
        assertMessage(() -> new Oov(1, null), "a token is required exactly when there are OOV buckets");
        assertMessage(() -> new Oov(0, "<OOV>"), "a token is required exactly when there are OOV buckets");
        assertMessage(() -> Oov.token(""), "must not be empty");
        assertMessage(() -> Vocabulary.of(List.of("a", "a"), Oov.NONE), "token \"a\" appears twice");
        assertMessage(() -> Vocabulary.of(List.of(""), Oov.NONE), "token \"\" is reserved (padding)");
        assertMessage(() -> Vocabulary.of(List.of("<OOV>"), Oov.token("<OOV>")), "is reserved (the OOV token)");
        assertMessage(() -> Vocabulary.fromCounts(new LinkedHashMap<>(), Oov.token("x"), 2),
                "maxSize 2 leaves no room for tokens after padding and 1 OOV indices; it must be at least 3");
        Vocabulary v = Vocabulary.of(List.of("a"), Oov.NONE);
        assertMessage(() -> v.token(2), "index 2 is outside [0, 2)");
        assertMessage(() -> v.token(-1), "index -1 is outside [0, 2)");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
