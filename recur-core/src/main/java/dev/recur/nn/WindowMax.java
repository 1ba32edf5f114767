package dev.recur.nn;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Maximum over windows of steps, per channel: {@code y[b, o, c] = max x[b, t, c]} over the steps
 * {@code t} of window {@code o} ({@code [o*stride - padLeft, o*stride - padLeft + window)} inside
 * the sequence) that the mask keeps. Input {@code [batch, T, C]}, output {@code [batch, outLength, C]}.
 * A window with no step left gives 0. The gradient goes to the step that won (the first one on a tie).
 */
final class WindowMax extends Op {

    private final int[] winner; // [batch, outLength, C]: the input step that won, or -1 for an empty window

    private WindowMax(Variable x, int[] winner) {
        super(x);
        this.winner = winner;
    }

    /**
     * @param mask [batch, T] of 0 and 1, or null to use every step
     */
    static Variable apply(Variable x, int window, int stride, int padLeft, int outLength, Tensor mask) {
        Tensor in = x.value(); // [batch, T, C]
        int batch = in.dim(0);
        int steps = in.dim(1);
        int channels = in.dim(2);
        double[] v = in.toDoubleArray();
        double[] keep = mask == null ? null : mask.toDoubleArray(); // [batch, T]
        double[] y = new double[batch * outLength * channels];
        int[] winner = new int[y.length];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outLength; o++) {
                int start = Math.max(o * stride - padLeft, 0);
                int end = Math.min(o * stride - padLeft + window, steps);
                for (int c = 0; c < channels; c++) {
                    int best = -1;
                    for (int t = start; t < end; t++) {
                        boolean kept = keep == null || keep[b * steps + t] != 0;
                        if (kept && (best < 0 || v[(b * steps + t) * channels + c] > v[(b * steps + best) * channels + c])) {
                            best = t;
                        }
                    }
                    int at = (b * outLength + o) * channels + c;
                    winner[at] = best;
                    y[at] = best < 0 ? 0 : v[(b * steps + best) * channels + c];
                }
            }
        }
        return new WindowMax(x, winner).output(Tensor.of(y, batch, outLength, channels).to(in.dtype()));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx[b, winner, c] += dy[b, o, c]
        Tensor x = input(0).value();
        int steps = x.dim(1);
        int channels = x.dim(2);
        int outLength = dOut.dim(1);
        double[] dy = dOut.toDoubleArray();
        double[] dx = new double[x.size()];
        for (int at = 0; at < winner.length; at++) {
            if (winner[at] >= 0) {
                int b = at / (outLength * channels);
                int c = at % channels;
                dx[(b * steps + winner[at]) * channels + c] += dy[at];
            }
        }
        accumulate(0, Tensor.of(dx, x.shape()).to(x.dtype()));
    }
}
