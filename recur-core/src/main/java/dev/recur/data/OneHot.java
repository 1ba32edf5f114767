package dev.recur.data;

import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * One-hot and multi-hot encodings of integer indices into float32 tensors, for class labels and
 * for character-level inputs fed to a recurrent layer without an embedding.
 *
 * <p>{@link #encode(int[], int)} is Keras's {@code to_categorical}: index {@code k} sets column
 * {@code k}, including index 0. {@link #multiHot} is the {@code "binary"} mode of Keras's
 * {@code Tokenizer.sequences_to_matrix}, except that index 0 (padding) is skipped, so a padded and
 * an unpadded sequence encode alike.
 */
public final class OneHot {

    private OneHot() {
    }

    /** Rows of one-hot vectors: {@code indices[i] = k} sets element {@code [i, k]}. */
    public static Tensor encode(int[] indices, int depth) { // -> [n, depth]
        checkDepth(depth);
        Tensor out = Tensor.zeros(indices.length, depth);
        float[] o = out.floats();
        for (int i = 0; i < indices.length; i++) {
            o[i * depth + check(indices[i], depth, "position " + i)] = 1f;
        }
        return out;
    }

    /** Equal-length sequences (pad them first) as one-hot steps. */
    public static Tensor encode(int[][] sequences, int depth) { // -> [batch, time, depth]
        checkDepth(depth);
        int time = sequences.length == 0 ? 0 : sequences[0].length;
        Tensor out = Tensor.zeros(sequences.length, time, depth);
        float[] o = out.floats();
        for (int b = 0; b < sequences.length; b++) {
            if (sequences[b].length != time) {
                throw new IllegalArgumentException("OneHot.encode: sequence " + b + " has " + sequences[b].length
                        + " steps but sequence 0 has " + time + "; pad them to one length first (Sequences.pad)");
            }
            for (int t = 0; t < time; t++) {
                int k = check(sequences[b][t], depth, "sequence " + b + ", step " + t);
                o[(b * time + t) * depth + k] = 1f;
            }
        }
        return out;
    }

    /** One row per sequence with 1 at every index it contains; index 0 (padding) is skipped. */
    public static Tensor multiHot(List<int[]> sequences, int depth) { // -> [batch, depth]
        checkDepth(depth);
        Tensor out = Tensor.zeros(sequences.size(), depth);
        float[] o = out.floats();
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            for (int t = 0; t < s.length; t++) {
                int k = check(s[t], depth, "sequence " + b + ", step " + t);
                if (k != 0) {
                    o[b * depth + k] = 1f;
                }
            }
        }
        return out;
    }

    private static void checkDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("OneHot: depth must be at least 1 but is " + depth);
        }
    }

    private static int check(int index, int depth, String where) {
        if (index < 0 || index >= depth) {
            throw new IllegalArgumentException("OneHot: index " + index + " at " + where + " is outside [0, " + depth
                    + "). Possible cause: depth smaller than the vocabulary size");
        }
        return index;
    }
}
