package dev.recur.data.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text clean-up applied before splitting into tokens, in this order: lower-casing, HTML tag
 * removal (tags contain punctuation), then punctuation handling.
 *
 * <p>Presets: {@link #KERAS_TOKENIZER} is what Keras's {@code Tokenizer} does by default (lower
 * case; each character of {@link #KERAS_FILTERS} becomes a separator, so {@code "cat.dog"} gives
 * two words); {@link #LOWER_AND_STRIP_PUNCTUATION} is {@code TextVectorization}'s default (lower
 * case; the characters of {@link #KERAS_PUNCTUATION} are deleted, so {@code "don't"} gives
 * {@code "dont"}). Add {@link #withHtmlStripped()} for IMDB reviews and their {@code <br />}.
 *
 * @param lowerCase       lower-case with {@link Locale#ROOT} (Python's {@code str.lower()})
 * @param stripHtml       replace each tag such as {@code <br />} or {@code </p>} by a separator
 * @param punctuation     the characters (code points) treated as punctuation
 * @param punctuationMode what happens to them
 */
public record Standardizer(boolean lowerCase, boolean stripHtml, String punctuation, PunctuationMode punctuationMode) {

    /** What {@link #apply} does with the characters of {@link #punctuation()}. */
    public enum PunctuationMode {
        /** Leave them in the text. */
        KEEP,
        /** Delete them ({@code TextVectorization}). */
        REMOVE,
        /** Replace each by the separator, so that they split words (Keras {@code Tokenizer}'s filters). */
        SEPARATE
    }

    /** Keras {@code Tokenizer}'s default {@code filters}: punctuation except the apostrophe, plus tab and newline. */
    public static final String KERAS_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /** The punctuation {@code TextVectorization} strips: the filters without tab and newline, plus the apostrophe. */
    public static final String KERAS_PUNCTUATION = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~'";

    /** Leaves text unchanged. */
    public static final Standardizer NONE = new Standardizer(false, false, "", PunctuationMode.KEEP);

    /** Lower-cases only (Keras {@code Tokenizer} at character level, {@code standardize="lower"}). */
    public static final Standardizer LOWER = new Standardizer(true, false, "", PunctuationMode.KEEP);

    /** Keras {@code Tokenizer}'s default: lower-case, and each filter character separates words. */
    public static final Standardizer KERAS_TOKENIZER = new Standardizer(true, false, KERAS_FILTERS, PunctuationMode.SEPARATE);

    /** {@code TextVectorization}'s default {@code "lower_and_strip_punctuation"}. */
    public static final Standardizer LOWER_AND_STRIP_PUNCTUATION =
            new Standardizer(true, false, KERAS_PUNCTUATION, PunctuationMode.REMOVE);

    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^<>]*>");

    public Standardizer {
        if (punctuation == null || punctuationMode == null) {
            throw new IllegalArgumentException("Standardizer: punctuation and punctuationMode must not be null"
                    + " (use \"\" and PunctuationMode.KEEP for none)");
        }
    }

    /** This standardizer, also lower-casing or not. */
    public Standardizer withLowerCase(boolean lower) {
        return new Standardizer(lower, stripHtml, punctuation, punctuationMode);
    }

    /** This standardizer, also replacing HTML tags by separators. */
    public Standardizer withHtmlStripped() {
        return new Standardizer(lowerCase, true, punctuation, punctuationMode);
    }

    /** This standardizer with other punctuation characters and mode. */
    public Standardizer withPunctuation(String characters, PunctuationMode mode) {
        return new Standardizer(lowerCase, stripHtml, characters, mode);
    }

    /** Standardizes with a single space as the separator. */
    public String apply(String text) {
        return apply(text, " ");
    }

    /**
     * Standardizes; HTML tags and, in {@link PunctuationMode#SEPARATE}, punctuation characters
     * become {@code separator} (the tokenizer passes its split string, as Keras does).
     */
    public String apply(String text, String separator) {
        String s = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
        if (stripHtml && s.indexOf('<') >= 0) {
            s = HTML_TAG.matcher(s).replaceAll(Matcher.quoteReplacement(separator));
        }
        if (punctuationMode == PunctuationMode.KEEP || punctuation.isEmpty()) {
            return s;
        }
        long[] ascii = new long[2]; // bit c set: ASCII character c is punctuation
        boolean beyondAscii = false;
        for (int i = 0; i < punctuation.length(); i++) {
            char c = punctuation.charAt(i);
            if (c < 128) {
                ascii[c >> 6] |= 1L << (c & 63);
            } else {
                beyondAscii = true;
            }
        }
        StringBuilder out = null; // created at the first punctuation character
        int copied = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean hit = cp < 128 ? (ascii[cp >> 6] >>> (cp & 63) & 1) != 0 : beyondAscii && punctuation.indexOf(cp) >= 0;
            if (hit) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, i);
                if (punctuationMode == PunctuationMode.SEPARATE) {
                    out.append(separator);
                }
                copied = i + n;
            }
            i += n;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }
}
