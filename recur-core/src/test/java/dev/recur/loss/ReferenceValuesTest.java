package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.recur.loss.Fixtures.leaf;
import static dev.recur.loss.Fixtures.logSumExp;
import static dev.recur.loss.Fixtures.shape;
import static dev.recur.loss.Fixtures.softplus;
import static dev.recur.loss.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each loss against values published in the Keras documentation (the "Standalone usage"
 * examples of tf.keras.losses.*, the same semantics in Keras 3) and against closed forms written
 * out here, in float64 and float32. The documentation shows 3 or 4 digits (truncated: 0.24364
 * appears as 0.243), checked to {@link #DOCS}; the closed forms are checked to 1e-12 (float64) or
 * 1e-6 (float32).
 */
class ReferenceValuesTest {

    /** Tolerance for values printed with three decimals in the documentation. */
    private static final double DOCS = 1e-3;

    private static final int[] TWO_BY_TWO = shape(2, 2);
    private static final Tensor SAMPLE_WEIGHTS_07_03 = t(shape(2), 0.7, 0.3);

    private static double tol(DType type) {
        return type == DType.FLOAT64 ? 1e-12 : 1e-6;
    }

    private static double value(Variable loss) {
        return loss.value().item();
    }

    private static double[] values(Variable loss) {
        return loss.value().toDoubleArray();
    }

    // tf.keras.losses.MeanSquaredError (r2.4 docs): y_true [[0, 1], [0, 0]], y_pred [[1, 1], [1, 0]]
    // -> 0.5; sample_weight [0.7, 0.3] -> 0.25; SUM -> 1.0; NONE -> [0.5, 0.5]
    @ParameterizedTest
    @EnumSource(DType.class)
    void meanSquaredErrorAsInKerasDocs(DType type) {
        Tensor yTrue = t(TWO_BY_TWO, 0, 1, 0, 0);
        Variable yPred = leaf(type, TWO_BY_TWO, 1, 1, 1, 0);
        assertEquals(0.5, value(new MeanSquaredError().apply(yPred, yTrue)), tol(type));
        assertEquals(0.25, value(new MeanSquaredError().apply(yPred, yTrue, Weighting.sampleWeights(SAMPLE_WEIGHTS_07_03))), tol(type));
        assertEquals(1.0, value(new MeanSquaredError(Reduction.SUM).apply(yPred, yTrue)), tol(type));
        assertArrayEquals(new double[]{0.5, 0.5}, values(new MeanSquaredError(Reduction.NONE).apply(yPred, yTrue)), tol(type));
    }

    // tf.keras.losses.MeanAbsoluteError (r2.7 docs): the same inputs and the same four values
    @ParameterizedTest
    @EnumSource(DType.class)
    void meanAbsoluteErrorAsInKerasDocs(DType type) {
        Tensor yTrue = t(TWO_BY_TWO, 0, 1, 0, 0);
        Variable yPred = leaf(type, TWO_BY_TWO, 1, 1, 1, 0);
        assertEquals(0.5, value(new MeanAbsoluteError().apply(yPred, yTrue)), tol(type));
        assertEquals(0.25, value(new MeanAbsoluteError().apply(yPred, yTrue, Weighting.sampleWeights(SAMPLE_WEIGHTS_07_03))), tol(type));
        assertEquals(1.0, value(new MeanAbsoluteError(Reduction.SUM).apply(yPred, yTrue)), tol(type));
        assertArrayEquals(new double[]{0.5, 0.5}, values(new MeanAbsoluteError(Reduction.NONE).apply(yPred, yTrue)), tol(type));
    }

    // tf.keras.losses.Huber (r2.5 docs): y_true [[0, 1], [0, 0]], y_pred [[0.6, 0.4], [0.4, 0.6]]
    // -> 0.155; sample_weight [1, 0] -> 0.09; SUM -> 0.31; NONE -> [0.18, 0.13]
    // (every |d| <= 1: 0.5 d^2 = 0.18, 0.18 | 0.08, 0.18)
    @ParameterizedTest
    @EnumSource(DType.class)
    void huberAsInKerasDocs(DType type) {
        Tensor yTrue = t(TWO_BY_TWO, 0, 1, 0, 0);
        Variable yPred = leaf(type, TWO_BY_TWO, 0.6, 0.4, 0.4, 0.6);
        assertEquals(0.155, value(new Huber().apply(yPred, yTrue)), tol(type));
        assertEquals(0.09, value(new Huber().apply(yPred, yTrue, Weighting.sampleWeights(t(shape(2), 1, 0)))), tol(type));
        assertEquals(0.31, value(new Huber(1.0, Reduction.SUM).apply(yPred, yTrue)), tol(type));
        assertArrayEquals(new double[]{0.18, 0.13}, values(new Huber(1.0, Reduction.NONE).apply(yPred, yTrue)), tol(type));
    }

    // Beyond delta: d = 3 with delta 2 gives delta (|d| - delta / 2) = 2 * 2 = 4; d = -0.5 gives 0.125
    @ParameterizedTest
    @EnumSource(DType.class)
    void huberIsLinearBeyondDelta(DType type) {
        Variable yPred = leaf(type, shape(1, 2), 3.0, -0.5);
        Variable loss = new Huber(2.0, Reduction.NONE).apply(yPred, t(shape(1, 2), 0, 0));
        assertArrayEquals(new double[]{(4 + 0.125) / 2}, values(loss), tol(type));
    }

    // tf.keras.losses.BinaryCrossentropy (r2.3 docs): y_true [[0, 1], [0, 0]],
    // y_pred [[0.6, 0.4], [0.4, 0.6]] -> 0.815; sample_weight [1, 0] -> 0.458; SUM -> 1.630;
    // NONE -> [0.916, 0.714] ([0.91629073, 0.71355818] in the keras3 R docs, float64).
    // Closed form: row 1 = -log 0.4, row 2 = (-log 0.6 - log 0.4) / 2.
    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryCrossEntropyFromProbabilitiesAsInKerasDocs(DType type) {
        Tensor yTrue = t(TWO_BY_TWO, 0, 1, 0, 0);
        Variable yPred = leaf(type, TWO_BY_TWO, 0.6, 0.4, 0.4, 0.6);
        double row1 = -Math.log(0.4);
        double row2 = (-Math.log(0.6) - Math.log(0.4)) / 2;
        BinaryCrossEntropy bce = BinaryCrossEntropy.fromProbabilities();
        assertEquals(0.815, value(bce.apply(yPred, yTrue)), DOCS);
        assertEquals((row1 + row2) / 2, value(bce.apply(yPred, yTrue)), tol(type));
        assertEquals(0.458, value(bce.apply(yPred, yTrue, Weighting.sampleWeights(t(shape(2), 1, 0)))), DOCS);
        assertEquals(1.630, value(bce.withReduction(Reduction.SUM).apply(yPred, yTrue)), DOCS);
        double[] none = values(bce.withReduction(Reduction.NONE).apply(yPred, yTrue));
        assertArrayEquals(new double[]{0.91629073, 0.71355818}, none, 1e-6);
        assertArrayEquals(new double[]{row1, row2}, none, tol(type));
    }

    // tf.keras.losses.BinaryCrossentropy(from_logits=True) (r2.6 docs): y_true [[0, 1], [0, 0]],
    // y_pred [[-18.6, 0.51], [2.94, -12.8]] -> 0.865; sample_weight [0.8, 0.2] -> 0.243.
    // Closed form per entry: softplus(x) - x t, i.e. softplus(x) for t = 0 and softplus(-x) for t = 1.
    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryCrossEntropyFromLogitsAsInKerasDocs(DType type) {
        Tensor yTrue = t(TWO_BY_TWO, 0, 1, 0, 0);
        Variable yPred = leaf(type, TWO_BY_TWO, -18.6, 0.51, 2.94, -12.8);
        double row1 = (softplus(-18.6) + softplus(-0.51)) / 2;
        double row2 = (softplus(2.94) + softplus(-12.8)) / 2;
        BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits();
        assertEquals(0.865, value(bce.apply(yPred, yTrue)), DOCS);
        Weighting weights = Weighting.sampleWeights(t(shape(2), 0.8, 0.2));
        assertEquals(0.243, value(bce.apply(yPred, yTrue, weights)), DOCS);
        assertEquals((0.8 * row1 + 0.2 * row2) / 2, value(bce.apply(yPred, yTrue, weights)), tol(type));
        assertEquals(row1 + row2, value(bce.withReduction(Reduction.SUM).apply(yPred, yTrue)), tol(type));
        assertArrayEquals(new double[]{row1, row2}, values(bce.withReduction(Reduction.NONE).apply(yPred, yTrue)), tol(type));
        // the docs' first example, batch of one with four labels: the same mean, 0.865
        Variable oneRow = leaf(type, shape(1, 4), -18.6, 0.51, 2.94, -12.8);
        assertEquals((row1 + row2) / 2, value(bce.apply(oneRow, t(shape(1, 4), 0, 1, 0, 0))), tol(type));
    }

    // keras.ops.binary_crossentropy docs: target [0, 1, 1, 0], output [0.1, 0.9, 0.8, 0.2]
    // -> [0.10536054, 0.10536054, 0.22314355, 0.22314355] per entry (one label per row here)
    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryCrossEntropyPerEntryAsInKerasOpsDocs(DType type) {
        Variable p = leaf(type, shape(4, 1), 0.1, 0.9, 0.8, 0.2);
        Variable loss = BinaryCrossEntropy.fromProbabilities().withReduction(Reduction.NONE).apply(p, t(shape(4, 1), 0, 1, 1, 0));
        assertArrayEquals(new double[]{0.10536054, 0.10536054, 0.22314355, 0.22314355}, values(loss), 1e-7);
    }

    // tf.keras.losses.CategoricalCrossentropy (r2.x docs): y_true [[0, 1, 0], [0, 0, 1]],
    // y_pred [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] -> 1.177; sample_weight [0.3, 0.7] -> 0.814;
    // SUM -> 2.354; NONE -> [0.0513, 2.303] = [-log 0.95, -log 0.1].
    @ParameterizedTest
    @EnumSource(DType.class)
    void categoricalCrossEntropyFromProbabilitiesAsInKerasDocs(DType type) {
        Tensor yTrue = t(shape(2, 3), 0, 1, 0, 0, 0, 1);
        Variable yPred = leaf(type, shape(2, 3), 0.05, 0.95, 0, 0.1, 0.8, 0.1);
        CategoricalCrossEntropy cce = CategoricalCrossEntropy.fromProbabilities();
        double[] none = values(cce.withReduction(Reduction.NONE).apply(yPred, yTrue));
        assertArrayEquals(new double[]{0.0513, 2.303}, none, DOCS);
        assertArrayEquals(new double[]{-Math.log(0.95), -Math.log(0.1)}, none, tol(type));
        assertEquals(1.177, value(cce.apply(yPred, yTrue)), DOCS);
        assertEquals(0.814, value(cce.apply(yPred, yTrue, Weighting.sampleWeights(t(shape(2), 0.3, 0.7)))), DOCS);
        assertEquals(2.354, value(cce.withReduction(Reduction.SUM).apply(yPred, yTrue)), DOCS);
    }

    // keras.ops.categorical_crossentropy docs: identity targets, output [[0.9, 0.05, 0.05],
    // [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]] -> [0.10536054, 0.22314355, 0.6931472] = -log [0.9, 0.8, 0.5]
    @ParameterizedTest
    @EnumSource(DType.class)
    void categoricalCrossEntropyAsInKerasOpsDocs(DType type) {
        Variable p = leaf(type, shape(3, 3), 0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0.2, 0.3, 0.5);
        Variable loss = CategoricalCrossEntropy.fromProbabilities().withReduction(Reduction.NONE)
                .apply(p, t(shape(3, 3), 1, 0, 0, 0, 1, 0, 0, 0, 1));
        assertArrayEquals(new double[]{0.10536054, 0.22314355, 0.6931472}, values(loss), 1e-7);
    }

    // Probabilities that do not sum to 1 are rescaled first, as in Keras: [2, 6] is read as [0.25, 0.75]
    @ParameterizedTest
    @EnumSource(DType.class)
    void categoricalProbabilitiesAreRescaledLikeKeras(DType type) {
        Variable p = leaf(type, shape(1, 2), 2, 6);
        assertEquals(-Math.log(0.75), value(CategoricalCrossEntropy.fromProbabilities().apply(p, t(shape(1, 2), 0, 1))), tol(type));
    }

    // tf.keras.losses.SparseCategoricalCrossentropy (r2.2 docs): y_true [1, 2],
    // y_pred [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] -> 1.177; sample_weight [0.3, 0.7] -> 0.814;
    // SUM -> 2.354; NONE -> [0.0513, 2.303]
    @ParameterizedTest
    @EnumSource(DType.class)
    void sparseCategoricalCrossEntropyFromProbabilitiesAsInKerasDocs(DType type) {
        Variable yPred = leaf(type, shape(2, 3), 0.05, 0.95, 0, 0.1, 0.8, 0.1);
        int[] yTrue = {1, 2};
        SparseCategoricalCrossEntropy scce = SparseCategoricalCrossEntropy.fromProbabilities();
        assertEquals(1.177, value(scce.apply(yPred, yTrue, 2)), DOCS);
        assertEquals(0.814, value(scce.apply(yPred, yTrue, shape(2), Weighting.sampleWeights(t(shape(2), 0.3, 0.7)))), DOCS);
        assertEquals(2.354, value(scce.withReduction(Reduction.SUM).apply(yPred, yTrue, 2)), DOCS);
        assertArrayEquals(new double[]{-Math.log(0.95), -Math.log(0.1)},
                values(scce.withReduction(Reduction.NONE).apply(yPred, yTrue, 2)), tol(type));
    }

    // PyTorch CrossEntropyLoss on logits: loss = -x[class] + log(sum_j exp(x[j])).
    // Logits [1, 2, 3] -> class 2: log(e + e^2 + e^3) - 3 = 0.40760596; class 0: ... - 1 = 2.40760596.
    // With ignore_index (-100 by default) the mean runs over the non-ignored targets only.
    @ParameterizedTest
    @EnumSource(DType.class)
    void sparseCategoricalCrossEntropyFromLogitsAsInPyTorch(DType type) {
        Variable logits = leaf(type, shape(3, 3), 1, 2, 3, 1, 2, 3, 3, 2, 1);
        double lse = logSumExp(1, 2, 3);
        assertEquals(0.40760596, lse - 3, 1e-8);
        SparseCategoricalCrossEntropy ce = SparseCategoricalCrossEntropy.fromLogits();
        assertArrayEquals(new double[]{lse - 3, lse - 1, lse - 3},
                values(ce.withReduction(Reduction.NONE).apply(logits, new int[]{2, 0, 0}, 3)), tol(type));
        assertEquals((lse - 3 + lse - 1 + lse - 3) / 3, value(ce.apply(logits, new int[]{2, 0, 0}, 3)), tol(type));
        // the middle target ignored: mean over two
        assertEquals((lse - 3 + lse - 3) / 2, value(ce.apply(logits, new int[]{2, -100, 0}, 3)), tol(type));
        assertArrayEquals(new double[]{lse - 3, 0, lse - 3},
                values(ce.withReduction(Reduction.NONE).apply(logits, new int[]{2, -100, 0}, 3)), tol(type));
        // an ignore index that is a class: every target 0 dropped
        assertEquals(lse - 3, value(ce.withIgnoreIndex(0).apply(logits, new int[]{2, 0, 0}, 3)), tol(type));
        // categorical from logits with the one-hot rows of the same targets: the same numbers
        assertEquals((lse - 3 + lse - 1 + lse - 3) / 3,
                value(CategoricalCrossEntropy.fromLogits().apply(logits, Fixtures.oneHot(new int[]{2, 0, 0}, 3, 3))), tol(type));
    }

    // Keras class_weight: each sample's loss times the weight of its class, then the usual mean
    // over the batch size. Targets [1, 2] of the Keras example with class weights [1, 2, 3]:
    // (2 * -log 0.95 + 3 * -log 0.1) / 2. (PyTorch's weighted mean would divide by 2 + 3 instead.)
    @ParameterizedTest
    @EnumSource(DType.class)
    void classWeightsFollowKeras(DType type) {
        Variable yPred = leaf(type, shape(2, 3), 0.05, 0.95, 0, 0.1, 0.8, 0.1);
        ClassWeights w = ClassWeights.of(1, 2, 3);
        double expected = (2 * -Math.log(0.95) + 3 * -Math.log(0.1)) / 2;
        assertEquals(expected, value(SparseCategoricalCrossEntropy.fromProbabilities().withClassWeights(w)
                .apply(yPred, new int[]{1, 2}, 2)), tol(type));
        assertEquals(expected, value(CategoricalCrossEntropy.fromProbabilities().withClassWeights(w)
                .apply(yPred, t(shape(2, 3), 0, 1, 0, 0, 0, 1))), tol(type));
        // binary: weight 4 for the positive class, 1 for the negative; rows of one label each
        Variable p = leaf(type, shape(2, 1), 0.8, 0.3);
        double binary = (4 * -Math.log(0.8) + 1 * -Math.log(0.7)) / 2;
        assertEquals(binary, value(BinaryCrossEntropy.fromProbabilities().withClassWeights(ClassWeights.of(1, 4))
                .apply(p, t(shape(2, 1), 1, 0))), tol(type));
    }
}
