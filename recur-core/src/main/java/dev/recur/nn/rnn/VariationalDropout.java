package dev.recur.nn.rnn;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Keep masks for variational dropout (Gal and Ghahramani 2016): one mask per sequence, used at
 * every step. Inverted dropout as Keras's: a kept unit is scaled by {@code 1 / (1 - rate)}.
 */
final class VariationalDropout {

    private VariationalDropout() {
    }

    /**
     * A mask of this shape: {@code 1 / (1 - rate)} with probability {@code 1 - rate}, else 0,
     * drawn in row-major order from {@code rng} (so a seed reproduces it).
     */
    static Tensor mask(RandomGenerator rng, DType dtype, double rate, int... shape) {
        Tensor keep = Tensor.zeros(dtype, shape);
        double scale = 1 / (1 - rate);
        for (int i = 0, n = keep.size(); i < n; i++) {
            if (rng.nextDouble() >= rate) {
                keep.setFlat(i, scale);
            }
        }
        return keep;
    }
}
