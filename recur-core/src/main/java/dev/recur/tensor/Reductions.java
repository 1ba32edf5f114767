package dev.recur.tensor;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Kernels;

import java.util.Arrays;

/** Sums, maxima and the softmax family; every sum runs in a fixed order. */
final class Reductions {

    /** Row-wise functions over the last dimension. */
    enum Rowwise { SOFTMAX, LOG_SOFTMAX, LOG_SUM_EXP }

    private Reductions() {
    }

    static Tensor sumAll(Tensor x) {
        Tensor c = x.contiguous();
        Kernels k = Backend.kernels();
        double s = x.dtype() == DType.FLOAT32 ? k.sum(c.floats(), c.offset(), c.size()) : k.sum(c.doubles(), c.offset(), c.size());
        return Tensor.scalar(x.dtype(), s);
    }

    /** Mean of all elements, divided in double and rounded once (NaN for an empty tensor, like NumPy). */
    static Tensor mean(Tensor x) {
        Tensor c = x.contiguous();
        Kernels k = Backend.kernels();
        double s = x.dtype() == DType.FLOAT32 ? k.sum(c.floats(), c.offset(), c.size()) : k.sum(c.doubles(), c.offset(), c.size());
        return Tensor.scalar(x.dtype(), s / c.size());
    }

    /** Views x as [outer, n, inner] around dimension {@code dim}. */
    private record Split(int outer, int n, int inner, int[] reducedShape) {
        static Split of(String op, Tensor x, int dim) {
            int[] s = x.shape();
            int a = Shapes.axis(op, dim, s.length);
            int outer = 1;
            int inner = 1;
            for (int i = 0; i < a; i++) {
                outer *= s[i];
            }
            for (int i = a + 1; i < s.length; i++) {
                inner *= s[i];
            }
            int[] reduced = new int[s.length - 1];
            for (int i = 0, j = 0; i < s.length; i++) {
                if (i != a) {
                    reduced[j++] = s[i];
                }
            }
            return new Split(outer, s[a], inner, reduced);
        }
    }

    static Tensor sum(Tensor x, int dim) {
        Split sp = Split.of("sum", x, dim);
        Tensor c = x.contiguous();
        Tensor out = Tensor.zeros(x.dtype(), sp.reducedShape);
        Kernels k = Backend.kernels();
        for (int o = 0; o < sp.outer; o++) {
            int src = c.offset() + o * sp.n * sp.inner;
            if (x.dtype() == DType.FLOAT32) {
                k.sumRows(c.floats(), src, sp.n, sp.inner, out.floats(), o * sp.inner);
            } else {
                k.sumRows(c.doubles(), src, sp.n, sp.inner, out.doubles(), o * sp.inner);
            }
        }
        return out;
    }

    static Tensor max(Tensor x, int dim) {
        Split sp = Split.of("max", x, dim);
        if (sp.n == 0) {
            throw new IllegalArgumentException("max: dimension " + dim + " of shape " + x.shapeString() + " is empty");
        }
        Tensor c = x.contiguous();
        Tensor out = Tensor.zeros(x.dtype(), sp.reducedShape);
        for (int o = 0; o < sp.outer; o++) {
            for (int i = 0; i < sp.inner; i++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < sp.n; j++) {
                    m = Math.max(m, c.getFlat((o * sp.n + j) * sp.inner + i));
                }
                out.setFlat(o * sp.inner + i, m);
            }
        }
        return out;
    }

    static int[] argmaxLast(Tensor x) {
        if (x.rank() == 0 || x.dim(-1) == 0) {
            throw new IllegalArgumentException("argmax: tensor of shape " + x.shapeString() + " has no last dimension to search");
        }
        int cols = x.dim(-1);
        int rows = x.size() / cols;
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            double bv = x.getFlat(r * cols);
            for (int c = 1; c < cols; c++) {
                double v = x.getFlat(r * cols + c);
                if (v > bv) {
                    bv = v;
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    static Tensor sumTo(Tensor x, int[] target) {
        int[] s = x.shape();
        if (Arrays.equals(s, target)) {
            return x;
        }
        if (!broadcastsTo(target, s)) {
            throw new IllegalArgumentException("sumTo: shape " + Shapes.str(s) + " cannot be summed down to "
                    + Shapes.str(target) + " because " + Shapes.str(target) + " does not broadcast to " + Shapes.str(s)
                    + "; the target must match the trailing dimensions, with 1 where they were stretched");
        }
        Tensor out = x;
        // sum away leading dimensions that the target lacks
        while (out.rank() > target.length) {
            out = sum(out, 0);
        }
        // sum (keeping) dimensions where the target has 1
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 1 && out.dim(i) != 1) {
                out = sum(out, i).unsqueeze(i);
            }
        }
        return out.contiguous().reshape(target);
    }

    /** Whether {@code from} broadcasts to exactly {@code to} (NumPy rules). */
    private static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        for (int i = 0; i < from.length; i++) {
            int f = from[from.length - 1 - i];
            if (f != 1 && f != to[to.length - 1 - i]) {
                return false;
            }
        }
        return true;
    }

    static Tensor rowwise(String op, Tensor x, Rowwise fn) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException(op + ": expected at least one dimension but got a scalar");
        }
        int cols = x.dim(-1);
        int rows = Shapes.size(Arrays.copyOf(x.shape(), x.rank() - 1)); // not size / cols: cols may be 0
        Tensor c = x.contiguous();
        int[] outShape = fn == Rowwise.LOG_SUM_EXP ? Arrays.copyOf(x.shape(), x.rank() - 1) : x.shape();
        Tensor out = Tensor.zeros(x.dtype(), outShape);
        Kernels k = Backend.kernels();
        boolean f32 = x.dtype() == DType.FLOAT32;
        switch (fn) {
            case SOFTMAX -> {
                if (f32) k.softmaxRows(c.floats(), c.offset(), out.floats(), 0, rows, cols);
                else k.softmaxRows(c.doubles(), c.offset(), out.doubles(), 0, rows, cols);
            }
            case LOG_SOFTMAX -> {
                if (f32) k.logSoftmaxRows(c.floats(), c.offset(), out.floats(), 0, rows, cols);
                else k.logSoftmaxRows(c.doubles(), c.offset(), out.doubles(), 0, rows, cols);
            }
            case LOG_SUM_EXP -> {
                if (f32) k.logSumExpRows(c.floats(), c.offset(), out.floats(), 0, rows, cols);
                else k.logSumExpRows(c.doubles(), c.offset(), out.doubles(), 0, rows, cols);
            }
        }
        return out;
    }
}
