package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** Reverses sequences along time: a go_backwards output back to time order, and masks alike. */
final class TimeReversal {

    private TimeReversal() {
    }

    /** {@code y[b, t] = x[b, T-1-t]} for x {@code [batch, time, n]}, as one gather (its gradient scatters back). */
    static Variable reverse(Variable x) {
        int batch = x.value().dim(0);
        int time = x.value().dim(1);
        int n = x.value().dim(2);
        int[] rows = new int[batch * time];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                rows[b * time + t] = b * time + time - 1 - t;
            }
        }
        return Variable.gather(x.reshape(batch * time, n), rows, batch, time);
    }

    /** A mask {@code [batch, time]} reversed along time; null stays null. */
    static Tensor reverse(Tensor mask) {
        if (mask == null) {
            return null;
        }
        int batch = mask.dim(0);
        int time = mask.dim(1);
        Tensor out = Tensor.zeros(mask.dtype(), batch, time);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                out.set(mask.get(b, time - 1 - t), b, t);
            }
        }
        return out;
    }
}
