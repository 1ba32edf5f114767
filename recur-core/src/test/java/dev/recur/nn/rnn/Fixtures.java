package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Layer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small helpers for the layer tests: building with a seed, data, and comparisons. */
final class Fixtures {

    private Fixtures() {
    }

    /** Builds {@code layer} in {@code dtype} for inputs of {@code shape} (batch excluded), weights from {@code seed}. */
    static <L extends Layer> L built(L layer, DType dtype, long seed, int... shape) {
        layer.build(new BuildContext(dtype, new SplittableRandom(seed)), shape);
        return layer;
    }

    /** Uniform data in [-1, 1) of this shape. */
    static Tensor data(DType dtype, long seed, int... shape) {
        return Tensor.uniform(new SplittableRandom(seed), dtype, -1, 1, shape);
    }

    static Variable constant(DType dtype, long seed, int... shape) {
        return Variable.constant(data(dtype, seed, shape));
    }

    /** Steps {@code from} (inclusive) to {@code to} (exclusive) of a {@code [batch, time, n]} tensor. */
    static Tensor steps(Tensor x, int from, int to) {
        return x.slice(1, from, to).contiguous();
    }

    /** x reversed along time, {@code [batch, time, n]}. */
    static Tensor reversed(Tensor x) {
        Tensor[] steps = new Tensor[x.dim(1)];
        for (int t = 0; t < steps.length; t++) {
            steps[t] = x.select(1, x.dim(1) - 1 - t);
        }
        return Tensor.stack(1, steps);
    }

    static void assertClose(String what, Tensor expected, Tensor actual, double tolerance) {
        assertTrue(expected.hasShape(actual.shape()), () -> what + ": shape " + actual.shapeString() + ", expected "
                + expected.shapeString());
        assertTrue(actual.allClose(expected, tolerance, tolerance),
                () -> what + ": largest difference " + actual.maxAbsDiff(expected) + "\nexpected " + expected
                        + "\nactual   " + actual);
    }
}
