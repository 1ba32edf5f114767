package dev.recur.nn;

import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * Keras's weight initializers, with Keras's names and formulas: {@code glorot_uniform} for
 * kernels, {@code orthogonal} for recurrent kernels, {@code zeros} for biases, {@code identity} for
 * IRNN (Le et al. 2015), and {@code constant} for golden-value tests.
 */
public final class Initializers {

    private Initializers() {
    }

    public static Initializer zeros() {
        return (dtype, rng, shape) -> Tensor.zeros(dtype, shape);
    }

    public static Initializer ones() {
        return constant(1.0);
    }

    /** Every value equal to {@code value}. */
    public static Initializer constant(double value) {
        return (dtype, rng, shape) -> Tensor.full(dtype, value, shape);
    }

    /** Uniform in [lo, hi): Keras's {@code RandomUniform}, whose default (-0.05, 0.05) initializes embeddings. */
    public static Initializer uniform(double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("uniform initializer needs lo < hi, got lo " + lo + " and hi " + hi);
        }
        return (dtype, rng, shape) -> Tensor.uniform(rng, dtype, lo, hi, shape);
    }

    /** Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)), Keras's default kernel initializer. */
    public static Initializer glorotUniform() {
        return (dtype, rng, shape) -> {
            int[] fans = fans(shape);
            double limit = Math.sqrt(6.0 / (fans[0] + fans[1]));
            return Tensor.uniform(rng, dtype, -limit, limit, shape);
        };
    }

    /** He uniform: U(-l, l) with l = sqrt(6 / fanIn), for ReLU layers. */
    public static Initializer heUniform() {
        return (dtype, rng, shape) -> {
            double limit = Math.sqrt(6.0 / fans(shape)[0]);
            return Tensor.uniform(rng, dtype, -limit, limit, shape);
        };
    }

    /** A (scaled) identity matrix: the IRNN recurrent initializer of Le, Jaitly and Hinton (2015). */
    public static Initializer identity(double gain) {
        return (dtype, rng, shape) -> {
            if (shape.length != 2) {
                throw new IllegalArgumentException("identity initializer needs a matrix shape, got " + Arrays.toString(shape)
                        + "; it makes the identity matrix of IRNN recurrent kernels");
            }
            Tensor t = Tensor.zeros(dtype, shape);
            for (int i = 0; i < Math.min(shape[0], shape[1]); i++) {
                t.set(gain, i, i);
            }
            return t;
        };
    }

    /**
     * Orthogonal (Saxe et al. 2014), Keras's default recurrent initializer. As in Keras, the shape
     * is seen as a matrix [product of all but the last dimension, last dimension]; a Gaussian
     * matrix is made orthonormal by modified Gram-Schmidt along its shorter side (a QR
     * decomposition with R's diagonal positive, which makes the result uniformly distributed),
     * then scaled by {@code gain}: rows or columns are orthonormal, whichever are fewer.
     */
    public static Initializer orthogonal(double gain) {
        return (dtype, rng, shape) -> {
            if (shape.length < 2) {
                throw new IllegalArgumentException("orthogonal initializer needs a shape of at least two dimensions, got "
                        + Arrays.toString(shape));
            }
            int cols = shape[shape.length - 1];
            int rows = Shapes.size(shape) / cols;
            boolean wide = rows < cols;
            int n = wide ? cols : rows; // the long side
            int k = wide ? rows : cols; // number of orthonormal vectors
            double[][] q = new double[k][n];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    q[j][i] = rng.nextGaussian();
                }
                for (int p = 0; p < j; p++) { // remove the components along the previous vectors
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[j][i] * q[p][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[j][i] -= dot * q[p][i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += q[j][i] * q[j][i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    q[j][i] /= norm;
                }
            }
            Tensor t = Tensor.zeros(dtype, rows, cols);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    t.set(gain * (wide ? q[r][c] : q[c][r]), r, c);
                }
            }
            return t.reshape(shape);
        };
    }

    /** [fanIn, fanOut] of a weight shape, as Keras computes them. */
    static int[] fans(int[] shape) {
        if (shape.length == 0) {
            return new int[]{1, 1};
        }
        if (shape.length == 1) {
            return new int[]{shape[0], shape[0]};
        }
        if (shape.length == 2) {
            return new int[]{shape[0], shape[1]};
        }
        int receptive = 1; // convolution kernels [kernelSize..., in, out]
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        return new int[]{shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
    }
}
