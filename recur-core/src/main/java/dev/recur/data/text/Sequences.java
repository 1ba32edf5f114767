package dev.recur.data.text;

import dev.recur.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code pad_sequences}: sequences of indices made equal in length, padded and
 * truncated at the front by default, so that the last real token sits at the last time step
 * where a recurrent layer's final state reads it.
 */
public final class Sequences {

    /** Where padding goes. */
    public enum Padding { PRE, POST }

    /** Which end of a sequence longer than {@code maxlen} is cut off. */
    public enum Truncating { PRE, POST }

    private Sequences() {
    }

    /** Keras defaults: length of the longest sequence, padding and truncating at the front with 0. */
    public static int[][] pad(List<int[]> sequences) {
        return pad(sequences, null, Padding.PRE, Truncating.PRE, 0);
    }

    /** Length {@code maxlen}, padding and truncating at the front with 0. */
    public static int[][] pad(List<int[]> sequences, int maxlen) {
        return pad(sequences, maxlen, Padding.PRE, Truncating.PRE, 0);
    }

    /**
     * Sequences of length {@code maxlen} (null: the longest sequence's length): shorter ones
     * filled with {@code value} on the {@code padding} side, longer ones cut on the
     * {@code truncating} side.
     */
    public static int[][] pad(List<int[]> sequences, Integer maxlen, Padding padding, Truncating truncating, int value) {
        if (maxlen == null) {
            if (sequences.isEmpty()) {
                throw new IllegalArgumentException("Sequences.pad: no sequences and no maxlen, so the length is unknown;"
                        + " pass a maxlen");
            }
            maxlen = sequences.stream().mapToInt(s -> s.length).max().orElseThrow();
        } else if (maxlen < 1) {
            throw new IllegalArgumentException("Sequences.pad: maxlen must be at least 1 (or null for the longest) but is "
                    + maxlen);
        }
        int[][] out = new int[sequences.size()][maxlen];
        for (int b = 0; b < out.length; b++) {
            int[] s = sequences.get(b);
            int n = Math.min(s.length, maxlen);
            int from = truncating == Truncating.PRE ? s.length - n : 0;
            int to = padding == Padding.PRE ? maxlen - n : 0;
            Arrays.fill(out[b], value);
            System.arraycopy(s, from, out[b], to, n);
        }
        return out;
    }

    /** Padded sequences as a float32 tensor, e.g. for an embedding lookup. */
    public static Tensor toTensor(int[][] padded) { // -> [batch, time]
        int time = padded.length == 0 ? 0 : padded[0].length;
        Tensor out = Tensor.zeros(padded.length, time);
        float[] o = out.floats();
        for (int b = 0; b < padded.length; b++) {
            if (padded[b].length != time) {
                throw new IllegalArgumentException("Sequences.toTensor: row " + b + " has " + padded[b].length
                        + " steps but row 0 has " + time + "; pad the sequences first");
            }
            for (int t = 0; t < time; t++) {
                o[b * time + t] = padded[b][t];
            }
        }
        return out;
    }
}
