package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.recur.loss.Fixtures.leaf;
import static dev.recur.loss.Fixtures.shape;
import static dev.recur.loss.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saturated inputs give finite losses and gradients: logits of +-1000 (where a naive
 * {@code log(sigmoid(x))} or {@code log(softmax(x))} gives -inf and NaN gradients) and
 * probabilities of exactly 0 and 1 (clipped).
 */
class StabilityTest {

    private static void assertFinite(Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            assertTrue(Double.isFinite(t.getFlat(i)), () -> "not finite: " + t);
        }
    }

    // per entry max(x, 0) - x z + log(1 + exp(-|x|)): (1000, 0) -> 1000, (-1000, 1) -> 1000,
    // (1000, 1) -> 0, (-1000, 0) -> 0; gradient sigmoid(x) - z = 1, -1, 0, 0
    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryCrossEntropyOfHugeLogits(DType type) {
        Variable x = leaf(type, shape(4, 1), 1000, -1000, 1000, -1000);
        Tensor z = t(shape(4, 1), 0, 1, 1, 0);
        Variable none = BinaryCrossEntropy.fromLogits().withReduction(Reduction.NONE).apply(x, z);
        assertArrayEquals(new double[]{1000, 1000, 0, 0}, none.value().toDoubleArray(), 0.0);
        BinaryCrossEntropy.fromLogits().withReduction(Reduction.SUM).apply(x, z).backward();
        assertArrayEquals(new double[]{1, -1, 0, 0}, x.grad().toDoubleArray(), 0.0);
    }

    // the row [1000, -1000, 0]: target 1 costs 2000 with gradient softmax - onehot = [1, -1, 0];
    // target 0 costs 0 with gradient 0
    @ParameterizedTest
    @EnumSource(DType.class)
    void softmaxCrossEntropiesOfHugeLogits(DType type) {
        Tensor row = t(shape(2, 3), 1000, -1000, 0, 1000, -1000, 0);
        double[] expectedGrad = {1, -1, 0, 0, 0, 0};

        Variable sparseIn = Variable.leaf(row.to(type));
        Variable sparse = SparseCategoricalCrossEntropy.fromLogits().withReduction(Reduction.SUM).apply(sparseIn, new int[]{1, 0}, 2);
        assertEquals(2000, sparse.value().item(), 0.0);
        sparse.backward();
        assertArrayEquals(expectedGrad, sparseIn.grad().toDoubleArray(), 0.0);

        Variable denseIn = Variable.leaf(row.to(type));
        Variable dense = CategoricalCrossEntropy.fromLogits().withReduction(Reduction.SUM)
                .apply(denseIn, t(shape(2, 3), 0, 1, 0, 1, 0, 0));
        assertEquals(2000, dense.value().item(), 0.0);
        dense.backward();
        assertArrayEquals(expectedGrad, denseIn.grad().toDoubleArray(), 0.0);
    }

    // p clipped to [1e-7, 1 - 1e-7]: a confident wrong answer costs -log(1e-7) = 16.118 (float64),
    // a confident right one -log(1 - 1e-7) ~ 1e-7; clipped entries pass no gradient
    @ParameterizedTest
    @EnumSource(DType.class)
    void probabilitiesOfExactlyZeroAndOne(DType type) {
        Variable p = leaf(type, shape(4, 1), 0, 1, 0, 1);
        Variable none = BinaryCrossEntropy.fromProbabilities().withReduction(Reduction.NONE).apply(p, t(shape(4, 1), 0, 0, 1, 1));
        assertFinite(none.value());
        if (type == DType.FLOAT64) {
            double hi = 1 - 1e-7; // the upper clip, so 1 - p for p = 1 is 1 - hi (not exactly 1e-7 in binary)
            assertArrayEquals(new double[]{-Math.log(1 - 1e-7), -Math.log(1 - hi), -Math.log(1e-7), -Math.log(hi)},
                    none.value().toDoubleArray(), 1e-12);
        }
        none.sum().backward();
        assertArrayEquals(new double[]{0, 0, 0, 0}, p.grad().toDoubleArray(), 0.0);

        Variable q = leaf(type, shape(1, 3), 0, 1, 0);
        Variable cce = CategoricalCrossEntropy.fromProbabilities().apply(q, t(shape(1, 3), 1, 0, 0));
        assertFinite(cce.value());
        assertEquals(-Math.log(1e-7), cce.value().item(), type == DType.FLOAT64 ? 1e-12 : 1e-5);
        cce.backward();
        assertFinite(q.grad());
    }
}
