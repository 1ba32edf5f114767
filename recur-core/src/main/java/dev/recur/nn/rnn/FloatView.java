package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** A float32 tensor as kernels read it: a dense backing array and the offset of element 0. */
record FloatView(float[] a, int off) {

    static FloatView of(Tensor t) {
        Tensor c = t.contiguous();
        return new FloatView(c.floats(), c.offset());
    }

    static FloatView of(Variable v) {
        return of(v.value());
    }

    /** A fresh copy of the first {@code n} elements. */
    float[] copy(int n) {
        float[] out = new float[n];
        System.arraycopy(a, off, out, 0, n);
        return out;
    }
}
