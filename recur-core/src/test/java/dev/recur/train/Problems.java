package dev.recur.train;

import dev.recur.nn.Activation;
import dev.recur.nn.Dense;
import dev.recur.nn.Dropout;
import dev.recur.nn.Sequential;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.SplittableRandom;

/** Small, exactly known training problems for the tests. */
final class Problems {

    /** The weights of {@link #linear}: y = x . W + B. */
    static final double[] W = {2.0, -3.0, 0.5};
    static final double B = 1.0;

    private Problems() {
    }

    /** x uniform in [-1, 1) // [n, 3] */
    static Tensor linearX(int n, long seed) {
        return Tensor.uniform(new SplittableRandom(seed), DType.FLOAT32, -1, 1, n, W.length);
    }

    /** y = x . W + B, exactly (computed in double) // [n, 1] */
    static Tensor linearY(Tensor x) {
        int n = x.dim(0);
        Tensor y = Tensor.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            double v = B;
            for (int j = 0; j < W.length; j++) {
                v += W[j] * x.get(i, j);
            }
            y.set(v, i, 0);
        }
        return y;
    }

    /**
     * Three classes of 2-D points around (2, 0), (-1, 1.7), (-1, -1.7): x [n, 2] and class indices
     * y [n] (as floats).
     */
    static Tensor[] blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centers = {{2, 0}, {-1, 1.7}, {-1, -1.7}};
        Tensor x = Tensor.zeros(n, 2);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x.set(centers[c][0] + 0.5 * rng.nextGaussian(), i, 0);
            x.set(centers[c][1] + 0.5 * rng.nextGaussian(), i, 1);
            y.set(c, i);
        }
        return new Tensor[]{x, y};
    }

    /** A one-layer linear model. */
    static Sequential linearModel() {
        return new Sequential(new Dense(1));
    }

    /** A small classifier: 2 -> 8 (tanh) -> 3 logits. */
    static Sequential classifier() {
        return new Sequential(new Dense(8, Activation.TANH), new Dense(3));
    }

    /** The classifier with input noise and dropout in training: both draw from the per-batch random streams. */
    static Sequential noisyClassifier() {
        return new Sequential(new Noise(0.3), new Dense(8, Activation.TANH), new Dropout(0.2), new Dense(3));
    }
}
