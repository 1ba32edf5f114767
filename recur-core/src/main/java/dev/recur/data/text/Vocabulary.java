package dev.recur.data.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A fixed mapping between tokens and indices, laid out as Keras lays out a vocabulary:
 * index 0 is padding ({@link #PADDING}), then the out-of-vocabulary (OOV) indices
 * {@code 1..oov.buckets()}, then the learned tokens from {@link #firstTokenIndex()} on.
 *
 * <p>Unknown tokens follow the {@link Oov} policy: with no OOV index they are dropped when
 * encoding (Keras {@code Tokenizer} without {@code oov_token}); with one they all map to index 1;
 * with several buckets each maps to {@code 1 + hash(token) mod buckets}, so that distinct
 * unknown words keep some distinction (Keras {@code StringLookup(num_oov_indices=n)}). The hash
 * is 64-bit FNV-1a over the token's UTF-8 bytes, stable across runs and JVMs; Keras uses
 * FarmHash64, so the bucket of a given word differs from Keras's.
 */
public final class Vocabulary {

    /** The index reserved for padding; never assigned to a token. */
    public static final int PADDING = 0;

    /** What {@link #index} returns for an unknown token when there is no OOV index. */
    public static final int NOT_FOUND = -1;

    /**
     * How unknown tokens are indexed.
     *
     * @param buckets number of OOV indices (0: unknown tokens are dropped; 1: one OOV index;
     *                more: hashed buckets)
     * @param token   the text an OOV index decodes to ({@code "<OOV>"}, {@code "[UNK]"}), null
     *                when {@code buckets} is 0
     */
    public record Oov(int buckets, String token) {

        /** Unknown tokens are dropped. */
        public static final Oov NONE = new Oov(0, null);

        public Oov {
            if (buckets < 0) {
                throw new IllegalArgumentException("Oov: buckets must be 0 or more but is " + buckets);
            }
            if ((buckets == 0) != (token == null) || "".equals(token)) {
                throw new IllegalArgumentException("Oov: a token is required exactly when there are OOV buckets, and it"
                        + " must not be empty (\"\" is padding); got buckets=" + buckets + ", token="
                        + (token == null ? "null" : "\"" + token + "\""));
            }
        }

        /** One OOV index, 1, decoding to {@code token} (Keras {@code Tokenizer(oov_token=...)}). */
        public static Oov token(String token) {
            return new Oov(1, token);
        }

        /** {@code buckets} OOV indices chosen by hashing the unknown token. */
        public static Oov hashed(int buckets, String token) {
            return new Oov(buckets, token);
        }
    }

    private final List<String> tokens; // tokens.get(i) has index firstTokenIndex() + i
    private final Map<String, Integer> indices;
    private final Oov oov;

    private Vocabulary(List<String> tokens, Oov oov) {
        this.oov = oov;
        this.tokens = List.copyOf(tokens);
        this.indices = new HashMap<>(tokens.size() * 2);
        for (String t : this.tokens) {
            if (t.isEmpty() || t.equals(oov.token())) {
                throw new IllegalArgumentException("Vocabulary: token \"" + t + "\" is reserved ("
                        + (t.isEmpty() ? "padding" : "the OOV token") + ") and cannot be a learned token");
            }
            if (indices.putIfAbsent(t, firstTokenIndex() + indices.size()) != null) {
                throw new IllegalArgumentException("Vocabulary: token \"" + t + "\" appears twice");
            }
        }
    }

    /** A vocabulary of these tokens, in index order starting at {@link #firstTokenIndex()}. */
    public static Vocabulary of(List<String> tokens, Oov oov) {
        return new Vocabulary(tokens, oov);
    }

    /**
     * The tokens by decreasing count, equal counts in the map's order (first occurrence, for a
     * map filled while reading: Keras {@code Tokenizer}'s order). The empty token and the OOV
     * token are skipped.
     */
    public static Vocabulary fromCounts(SequencedMap<String, Long> counts, Oov oov) {
        return fromCounts(counts, oov, Integer.MAX_VALUE);
    }

    /**
     * As {@link #fromCounts(SequencedMap, Oov)}, keeping the most frequent tokens so that
     * {@link #size()} is at most {@code maxSize}, which counts padding and OOV indices (Keras's
     * {@code max_tokens}).
     */
    public static Vocabulary fromCounts(SequencedMap<String, Long> counts, Oov oov, int maxSize) {
        int reserved = 1 + oov.buckets();
        if (maxSize <= reserved) {
            throw new IllegalArgumentException("Vocabulary.fromCounts: maxSize " + maxSize + " leaves no room for tokens"
                    + " after padding and " + oov.buckets() + " OOV indices; it must be at least " + (reserved + 1));
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!e.getKey().isEmpty() && !e.getKey().equals(oov.token())) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed()); // stable: ties keep map order
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < entries.size() && i < maxSize - reserved; i++) {
            kept.add(entries.get(i).getKey());
        }
        return new Vocabulary(kept, oov);
    }

    /** Number of indices: padding, OOV indices and tokens (an embedding's input dimension). */
    public int size() {
        return firstTokenIndex() + tokens.size();
    }

    /** Index of the first learned token: 1 plus the number of OOV indices. */
    public int firstTokenIndex() {
        return 1 + oov.buckets();
    }

    public Oov oov() {
        return oov;
    }

    /** The learned tokens in index order (without padding and OOV entries). */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /** Whether {@code token} is a learned token. */
    public boolean contains(String token) {
        return indices.containsKey(token);
    }

    /** The index of a token; an unknown token gets its OOV index, or {@link #NOT_FOUND} without one. */
    public int index(String token) {
        Integer i = indices.get(token);
        if (i != null) {
            return i;
        }
        return switch (oov.buckets()) {
            case 0 -> NOT_FOUND;
            case 1 -> 1;
            default -> 1 + (int) Long.remainderUnsigned(fnv1a(token), oov.buckets());
        };
    }

    /** The token at an index: {@code ""} for padding, the OOV token for an OOV index. */
    public String token(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("Vocabulary.token: index " + index + " is outside [0, " + size()
                    + "). Possible cause: a model whose output size differs from this vocabulary");
        }
        if (index == PADDING) {
            return "";
        }
        return index < firstTokenIndex() ? oov.token() : tokens.get(index - firstTokenIndex());
    }

    /** Indices of these tokens; unknown tokens without an OOV index are dropped. */
    public int[] encode(List<String> sequence) {
        int[] out = new int[sequence.size()];
        int n = 0;
        for (String t : sequence) {
            int i = index(t);
            if (i != NOT_FOUND) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Tokens of these indices, skipping padding. */
    public List<String> decode(int[] sequence) {
        List<String> out = new ArrayList<>(sequence.length);
        for (int i : sequence) {
            if (i != PADDING) {
                out.add(token(i));
            }
        }
        return out;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: the OOV bucket hash. */
    static long fnv1a(String token) {
        long h = 0xcbf29ce484222325L;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
