package dev.recur.data.text;

import dev.recur.data.text.Standardizer.PunctuationMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardizerTest {

    @Test
    void kerasTokenizerPresetTurnsFiltersIntoSeparators() {
        assertEquals("hello  world  don't", Standardizer.KERAS_TOKENIZER.apply("Hello, World! Don't"));
        assertEquals("a_b", Standardizer.KERAS_TOKENIZER.apply("a.b", "_"));
    }

    @Test
    void textVectorizationPresetDeletesPunctuationIncludingApostrophe() {
        assertEquals("hello world dont", Standardizer.LOWER_AND_STRIP_PUNCTUATION.apply("Hello, World! Don't"));
        assertEquals("tab\there", Standardizer.LOWER_AND_STRIP_PUNCTUATION.apply("Tab\there")); // whitespace is not punctuation
    }

    @Test
    void htmlTagsBecomeSeparatorsButComparisonsSurvive() {
        Standardizer s = Standardizer.NONE.withHtmlStripped();
        assertEquals("Great movie.  Loved it", s.apply("Great movie.<br /><br />Loved it"));
        assertEquals(" bold  text", s.apply("<b>bold</b> text"));
        assertEquals("a < b and c > d", s.apply("a < b and c > d"));
    }

    @Test
    void eachStepCanBeSwitchedAlone() {
        assertEquals("MiXeD", Standardizer.NONE.apply("MiXeD"));
        assertEquals("mixed", Standardizer.LOWER.apply("MiXeD"));
        assertEquals("MiXeD", Standardizer.LOWER.withLowerCase(false).apply("MiXeD"));
        Standardizer keepCase = Standardizer.NONE.withPunctuation("!?", PunctuationMode.REMOVE);
        assertEquals("Why", keepCase.apply("Why?!"));
        assertEquals("Why?!", Standardizer.NONE.withPunctuation("!?", PunctuationMode.KEEP).apply("Why?!"));
    }

    @Test
    void punctuationBeyondAsciiAndSurrogatePairs() {
        Standardizer s = Standardizer.NONE.withPunctuation("\u00ab\u00bb\uD83D\uDE00", PunctuationMode.REMOVE);
        assertEquals("hi there", s.apply("\u00abhi\u00bb there\uD83D\uDE00"));
        assertEquals("caf\u00e9 \uD83D\uDE01", s.apply("caf\u00e9 \uD83D\uDE01")); // other code points untouched
        assertEquals("a b", Standardizer.KERAS_TOKENIZER.apply("a\u00e9b".replace("\u00e9", "!")));
    }

    @Test
    void lowerCasingIsLocaleIndependent() {
        assertEquals("title", Standardizer.LOWER.apply("TITLE")); // not the Turkish dotless i
    }

    @Test
    void punctuationIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Standardizer(true, false, null, PunctuationMode.KEEP));
        assertTrue(e.getMessage().contains("punctuation and punctuationMode must not be null"), e.getMessage());
    }
}
