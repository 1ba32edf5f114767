package dev.recur.train;

import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * Paired samples: inputs and targets with the same first dimension, both dense.
 *
 * @param x inputs // [N, ...]
 * @param y targets in the loss's form (see {@link Objective#normalize}) // [N, ...]
 */
record Data(Tensor x, Tensor y) {

    Data {
        x = x.contiguous();
        y = y.contiguous();
    }

    int size() {
        return x.dim(0);
    }

    /** Samples [start, end) as views. */
    Data slice(int start, int end) {
        return new Data(x.slice(0, start, end), y.slice(0, start, end));
    }

    /** The samples at these indices, in this order (copies). */
    Data rows(int[] indices) {
        return new Data(rows(x, indices), rows(y, indices));
    }

    static Tensor rows(Tensor t, int[] indices) {
        int n = t.dim(0);
        int perSample = n == 0 ? 0 : t.size() / n;
        int[] shape = t.shape();
        shape[0] = indices.length;
        if (perSample == 0) {
            return Tensor.zeros(t.dtype(), shape);
        }
        return t.reshape(n, perSample).gather(indices, indices.length).reshape(shape);
    }

    /** Indices {@code from..to-1} of {@code order}. */
    static int[] batch(int[] order, int from, int to) {
        return Arrays.copyOfRange(order, from, to);
    }
}
