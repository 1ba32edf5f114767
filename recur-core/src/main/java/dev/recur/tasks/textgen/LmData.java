package dev.recur.tasks.textgen;

import dev.recur.data.OneHot;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * A text as token ids, cut for next-token training. Every example is a window of n + 1 tokens:
 * the input is its first n, the target its last n (the input shifted by one), so the model learns
 * {@code p(token[t+1] | token[0..t])} at every step.
 *
 * <ul>
 *   <li>Stateless ({@link #windows}): windows starting every {@code stride} tokens from an offset;
 *       the trainer shuffles them, and each window starts from a zero state.</li>
 *   <li>Stateful ({@link #streams}): the text cut into {@code streams} contiguous pieces, one per
 *       batch row, each one long sequence; trained with truncated BPTT
 *       ({@code FitOptions.withTruncatedBptt(n, n)}, batch size = streams, no shuffle), the state
 *       flows from each window of n steps into the next, as in the textbook's stateful RNN.</li>
 * </ul>
 * Inputs are token ids {@code [N, n]} (for an {@code Embedding}) or one-hot rows {@code [N, n, vocab]};
 * targets are ids {@code [N, n]}.
 *
 * @param train      token ids of the training part (the start of the text)
 * @param validation token ids of the validation part (the end of the text); may be empty
 */
public record LmData(int[] train, int[] validation) {

    /** Inputs and targets. */
    public record Examples(Tensor x, Tensor y) { // x [N, n] ids or [N, n, vocab] one-hot; y [N, n] ids
    }

    /** The ids cut in two: the last {@code validationFraction} of them (at least one window's worth) for validation. */
    public static LmData split(int[] ids, double validationFraction) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("LmData.split: validationFraction must be in [0, 1) but got "
                    + validationFraction + "; it is the fraction of the text, taken from its end, held out (e.g. 0.1)");
        }
        int cut = ids.length - (int) Math.round(ids.length * validationFraction);
        return new LmData(Arrays.copyOfRange(ids, 0, cut), Arrays.copyOfRange(ids, cut, ids.length));
    }

    /**
     * Windows of {@code length + 1} tokens starting at {@code offset}, {@code offset + stride}, ...
     * (while a whole window fits).
     *
     * @param oneHotDepth 0 for id inputs, else the vocabulary size of one-hot inputs
     */
    public static Examples windows(int[] ids, int length, int stride, int offset, int oneHotDepth) {
        checkLength("windows", ids, length);
        if (stride < 1) {
            throw new IllegalArgumentException("LmData.windows: stride must be at least 1 but got " + stride);
        }
        if (offset < 0 || offset > ids.length - length - 1) {
            throw new IllegalArgumentException("LmData.windows: offset must be in [0, " + (ids.length - length - 1)
                    + "] for " + ids.length + " tokens and windows of " + (length + 1) + ", but got " + offset);
        }
        int n = (ids.length - length - 1 - offset) / stride + 1;
        int[][] x = new int[n][];
        float[] y = new float[n * length];
        for (int w = 0; w < n; w++) {
            int start = offset + w * stride;
            x[w] = Arrays.copyOfRange(ids, start, start + length);
            for (int t = 0; t < length; t++) {
                y[w * length + t] = ids[start + t + 1];
            }
        }
        return new Examples(inputs(x, oneHotDepth), Tensor.of(y, n, length));
    }

    /**
     * The text cut into {@code streams} contiguous pieces of equal length L, one per row:
     * row r holds tokens {@code [r L, (r + 1) L)} as input and the next ones as target; the tail
     * that does not fill a row is dropped.
     */
    public static Examples streams(int[] ids, int streams, int oneHotDepth) {
        if (streams < 1) {
            throw new IllegalArgumentException("LmData.streams: streams must be at least 1 but got " + streams);
        }
        int length = (ids.length - 1) / streams;
        if (length < 1) {
            throw new IllegalArgumentException("LmData.streams: " + ids.length + " tokens cannot be cut into " + streams
                    + " streams of at least 2 tokens; use fewer streams (a smaller batch) or a longer text");
        }
        int[][] x = new int[streams][];
        float[] y = new float[streams * length];
        for (int r = 0; r < streams; r++) {
            x[r] = Arrays.copyOfRange(ids, r * length, (r + 1) * length);
            for (int t = 0; t < length; t++) {
                y[r * length + t] = ids[r * length + t + 1];
            }
        }
        return new Examples(inputs(x, oneHotDepth), Tensor.of(y, streams, length));
    }

    private static Tensor inputs(int[][] x, int oneHotDepth) {
        if (oneHotDepth > 0) {
            return OneHot.encode(x, oneHotDepth); // [N, n, vocab]
        }
        int length = x.length == 0 ? 0 : x[0].length;
        float[] flat = new float[x.length * length];
        for (int w = 0; w < x.length; w++) {
            for (int t = 0; t < length; t++) {
                flat[w * length + t] = x[w][t];
            }
        }
        return Tensor.of(flat, x.length, length); // [N, n]
    }

    private static void checkLength(String op, int[] ids, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("LmData." + op + ": the window length must be at least 1 but got " + length);
        }
        if (ids.length < length + 1) {
            throw new IllegalArgumentException("LmData." + op + ": " + ids.length + " tokens are too few for one window of "
                    + (length + 1) + " (" + length + " inputs and the token after them); use a shorter sequence length"
                    + " or a longer text");
        }
    }
}
