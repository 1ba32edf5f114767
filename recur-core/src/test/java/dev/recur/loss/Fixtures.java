package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.SplittableRandom;

/** Small builders shared by the loss tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A float64 tensor of this shape holding {@code values} row-major. */
    static Tensor t(int[] shape, double... values) {
        return Tensor.of(values.clone(), shape);
    }

    static int[] shape(int... dims) {
        return dims;
    }

    /** A leaf (gradient wanted) of this type. */
    static Variable leaf(DType type, int[] shape, double... values) {
        return Variable.leaf(t(shape, values).to(type));
    }

    /** Uniform float64 values in [lo, hi). */
    static Tensor uniform(SplittableRandom rng, double lo, double hi, int... shape) {
        return Tensor.uniform(rng, DType.FLOAT64, lo, hi, shape);
    }

    /** Random 0/1 targets. */
    static Tensor bits(SplittableRandom rng, int... shape) {
        Tensor t = Tensor.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, rng.nextInt(2));
        }
        return t;
    }

    /** One-hot rows for these classes; {@code classes} columns. */
    static Tensor oneHot(int[] targets, int classes, int... rowShape) {
        int[] shape = java.util.Arrays.copyOf(rowShape, rowShape.length + 1);
        shape[rowShape.length] = classes;
        Tensor t = Tensor.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < targets.length; i++) {
            t.setFlat(i * classes + targets[i], 1.0);
        }
        return t;
    }

    /** Random class indices in [0, classes). */
    static int[] classes(SplittableRandom rng, int n, int classes) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(classes);
        }
        return t;
    }

    /** log(sum(exp(x))) of a few numbers, the textbook way (inputs kept small). */
    static double logSumExp(double... x) {
        double s = 0;
        for (double v : x) {
            s += Math.exp(v);
        }
        return Math.log(s);
    }

    /** log(1 + exp(x)), the softplus, for the logits of the Keras examples. */
    static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }
}
