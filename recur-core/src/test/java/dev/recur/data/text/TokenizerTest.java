package dev.recur.data.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keras parity: expected values follow Keras's {@code Tokenizer} as documented and as its code computes them. */
class TokenizerTest {

    private static final List<String> TEXTS = List.of("The cat sat on the mat.", "The dog ate my homework.");

    @Test
    void wordIndexByFrequencyThenFirstOccurrence() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words(), TEXTS);
        assertEquals(List.of("the", "cat", "sat", "on", "mat", "dog", "ate", "my", "homework"),
                List.copyOf(tok.wordIndex().keySet()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), List.copyOf(tok.wordIndex().values()));
        assertEquals(3L, tok.wordCounts().get("the"));
        assertEquals(2, tok.documentCount());
        assertEquals(10, tok.vocabularySize());
        List<int[]> seqs = tok.textsToSequences(TEXTS);
        assertArrayEquals(new int[]{1, 2, 3, 4, 1, 5}, seqs.get(0));
        assertArrayEquals(new int[]{1, 6, 7, 8, 9}, seqs.get(1));
        assertEquals(List.of("the cat sat on the mat", "the dog ate my homework"), tok.sequencesToTexts(seqs));
    }

    @Test
    void tiesKeepFirstOccurrenceNotAlphabeticalOrder() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words(), List.of("dog cat", "cat dog bird"));
        assertEquals(Map.of("dog", 1, "cat", 2, "bird", 3), tok.wordIndex());
        assertEquals(List.of("dog", "cat", "bird"), List.copyOf(tok.wordIndex().keySet()));
    }

    @Test
    void numWordsIsAppliedWhenConvertingNotWhenFitting() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words().withNumWords(5), TEXTS);
        assertEquals(9, tok.wordIndex().size()); // Keras keeps every word in word_index
        List<int[]> seqs = tok.textsToSequences(TEXTS);
        assertArrayEquals(new int[]{1, 2, 3, 4, 1}, seqs.get(0)); // "mat" = 5 is dropped
        assertArrayEquals(new int[]{1}, seqs.get(1));
        assertEquals(5, tok.vocabularySize());
        assertEquals("the cat", tok.sequenceToText(new int[]{1, 2, 7})); // 7 >= numWords: dropped without OOV
    }

    @Test
    void oovTokenTakesIndexOneAndReplacesRareAndUnknownWords() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words().withNumWords(5).withOovToken("<OOV>"), TEXTS);
        assertEquals(1, tok.wordIndex().get("<OOV>"));
        assertEquals(2, tok.wordIndex().get("the"));
        assertEquals(10, tok.wordIndex().get("homework"));
        List<int[]> seqs = tok.textsToSequences(TEXTS);
        assertArrayEquals(new int[]{2, 3, 4, 1, 2, 1}, seqs.get(0));
        assertArrayEquals(new int[]{2, 1, 1, 1, 1}, seqs.get(1));
        assertEquals("the cat sat <OOV> the <OOV>", tok.sequenceToText(seqs.get(0)));

        Tokenizer unlimited = Tokenizer.fit(Tokenizer.Options.words().withOovToken("<OOV>"), TEXTS);
        assertArrayEquals(new int[]{2, 3, 8, 1}, unlimited.textToSequence("The cat ate fish"));
        // without an OOV token the unknown word is dropped
        assertArrayEquals(new int[]{1, 2, 7}, Tokenizer.fit(Tokenizer.Options.words(), TEXTS).textToSequence("The cat ate fish"));
    }

    @Test
    void sequenceToTextSkipsPaddingAndRejectsIndicesOutsideTheVocabulary() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words().withOovToken("<OOV>"), TEXTS);
        assertEquals("the cat", tok.sequenceToText(new int[]{0, 0, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tok.sequenceToText(new int[]{11}));
        assertTrue(e.getMessage().contains("index 11 is outside [0, 11)"), e.getMessage());
    }

    @Test
    void filtersSeparateWordsAndKeepApostrophes() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words(), List.of());
        assertEquals(List.of("cat", "dog", "don't", "a", "b", "c"), tok.tokenize("Cat.dog  DON'T\ta\nb,,c"));
    }

    @Test
    void splitCharacterReplacesFiltersAsInKeras() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words().withSplit(","), List.of());
        // Keras maps every filter character to the split character, so the space is no longer a separator.
        assertEquals(List.of("a", "b c"), tok.tokenize("a,b c"));
        assertEquals(List.of("x", "y"), tok.tokenize("x.y"));
    }

    @Test
    void characterLevelKeepsSpacesAndPunctuation() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.characters(), List.of("Hello world!"));
        // l:3, o:2, then first occurrence: h e ' ' w r d !
        assertEquals(List.of("l", "o", "h", "e", " ", "w", "r", "d", "!"), List.copyOf(tok.wordIndex().keySet()));
        int[] seq = tok.textToSequence("hello!");
        assertArrayEquals(new int[]{3, 4, 1, 1, 2, 9}, seq);
        assertEquals("hello!", tok.sequenceToText(seq));
        assertEquals(List.of("a", "\uD83D\uDE00", "b"), tok.tokenize("a\uD83D\uDE00b")); // one token per code point
    }

    @Test
    void textVectorizationStyleStandardization() {
        Tokenizer tok = Tokenizer.fit(Tokenizer.Options.words()
                .withStandardizer(Standardizer.LOWER_AND_STRIP_PUNCTUATION.withHtmlStripped()).withOovToken("[UNK]"),
                List.of("Great movie.<br /><br />Don't miss it!"));
        assertEquals(List.of("[UNK]", "great", "movie", "dont", "miss", "it"), List.copyOf(tok.wordIndex().keySet()));
    }

    @Test
    void fitMoreAccumulatesCountsLikeRepeatedFitOnTexts() {
        Tokenizer once = Tokenizer.fit(Tokenizer.Options.words(), List.of("a b b", "c a a"));
        Tokenizer twice = Tokenizer.fit(Tokenizer.Options.words(), List.of("a b b")).fitMore(List.of("c a a"));
        assertEquals(once.wordIndex(), twice.wordIndex());
        assertEquals(once.wordCounts(), twice.wordCounts());
        assertEquals(2, twice.documentCount());
        assertEquals(List.of("a", "b", "c"), List.copyOf(twice.wordIndex().keySet()));
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> Tokenizer.Options.words().withSplit(""));
        assertTrue(split.getMessage().contains("non-empty split"), split.getMessage());
        IllegalArgumentException num = assertThrows(IllegalArgumentException.class,
                () -> Tokenizer.Options.words().withNumWords(0));
        assertTrue(num.getMessage().contains("numWords must be at least 1"), num.getMessage());
        IllegalArgumentException oov = assertThrows(IllegalArgumentException.class,
                () -> Tokenizer.Options.words().withOovToken(""));
        assertTrue(oov.getMessage().contains("oovToken must not be empty"), oov.getMessage());
    }
}
