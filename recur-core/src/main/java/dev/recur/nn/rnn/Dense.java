package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** A float32 tensor as kernels read it: a dense backing array and the offset of element 0. */
record Dense(float[] a, int off) {

    static Dense of(Tensor t) {
        Tensor c = t.contiguous();
        return new Dense(c.floats(), c.offset());
    }

    static Dense of(Variable v) {
        return of(v.value());
    }

    /** A fresh copy of the first {@code n} elements. */
    float[] copy(int n) {
        float[] out = new float[n];
        System.arraycopy(a, off, out, 0, n);
        return out;
    }
}
