package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.recur.loss.Fixtures.bits;
import static dev.recur.loss.Fixtures.oneHot;
import static dev.recur.loss.Fixtures.shape;
import static dev.recur.loss.Fixtures.t;
import static dev.recur.loss.Fixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masks drop padded steps exactly (Keras semantics); a fully masked batch costs 0 with gradient 0. */
class MaskingTest {

    /** A loss with a reduction, applied to [2, 3, 4] predictions with a weighting. */
    interface Configured {
        Variable apply(Reduction reduction, Variable predictions, Weighting weighting);
    }

    /** A loss named for the report; {@link #loss} uses {@link Reduction#MEAN}. */
    record Masked(String name, Configured configured) {
        BiFunction<Variable, Weighting, Variable> loss() {
            return (y, w) -> configured.apply(Reduction.MEAN, y, w);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final SplittableRandom RNG = new SplittableRandom(3);
    private static final Tensor REGRESSION = uniform(RNG, -1, 1, 2, 3, 4);
    private static final Tensor BITS = bits(RNG, 2, 3, 4);
    private static final int[] LABELS = {0, 3, 1, 2, 2, 3};

    static Stream<Masked> losses() {
        return Stream.of(
                new Masked("MSE", (r, y, w) -> new MeanSquaredError(r).apply(y, REGRESSION, w)),
                new Masked("MAE", (r, y, w) -> new MeanAbsoluteError(r).apply(y, REGRESSION, w)),
                new Masked("Huber", (r, y, w) -> new Huber(1.0, r).apply(y, REGRESSION, w)),
                new Masked("BCE logits", (r, y, w) -> BinaryCrossEntropy.fromLogits().withReduction(r).apply(y, BITS, w)),
                new Masked("BCE probabilities", (r, y, w) -> BinaryCrossEntropy.fromProbabilities().withReduction(r)
                        .apply(y.sigmoid(), BITS, w)),
                new Masked("CCE logits", (r, y, w) -> CategoricalCrossEntropy.fromLogits().withReduction(r)
                        .apply(y, oneHot(LABELS, 4, 2, 3), w)),
                new Masked("CCE probabilities", (r, y, w) -> CategoricalCrossEntropy.fromProbabilities().withReduction(r)
                        .apply(y.softmax(), oneHot(LABELS, 4, 2, 3), w)),
                new Masked("sparse logits", (r, y, w) -> SparseCategoricalCrossEntropy.fromLogits().withReduction(r)
                        .apply(y, LABELS, shape(2, 3), w)),
                new Masked("sparse probabilities", (r, y, w) -> SparseCategoricalCrossEntropy.fromProbabilities()
                        .withReduction(r).apply(y.softmax(), LABELS, shape(2, 3), w)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void fullyMaskedBatchCostsZeroWithZeroGradient(Masked m) {
        for (Reduction r : Reduction.values()) {
            Variable y = Variable.leaf(uniform(new SplittableRandom(9), -2, 2, 2, 3, 4));
            Variable loss = m.configured().apply(r, y, Weighting.mask(Tensor.zeros(DType.FLOAT64, 2, 3)));
            assertEquals(0.0, loss.value().abs().sum().item(), 0.0, m + ", " + r + ": " + loss.value());
            loss.sum().backward();
            assertEquals(0.0, y.grad().abs().sum().item(), 0.0, m + ", " + r + ": the gradient must be exactly 0, got " + y.grad());
        }
    }

    /** Masked steps drop out: the mean over the unmasked steps equals the loss of those steps alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void maskedMeanIsTheMeanOverUnmaskedSteps(Masked m) {
        Tensor x = uniform(new SplittableRandom(11), -2, 2, 2, 3, 4);
        Tensor mask = t(shape(2, 3), 1, 1, 0, 1, 0, 0);
        double masked = m.loss().apply(Variable.leaf(x), Weighting.mask(mask)).value().item();
        // the same losses one step at a time, with a mask that keeps only that step (sums of one)
        double total = 0;
        for (int i = 0; i < 6; i++) {
            if (mask.getFlat(i) == 1) {
                Tensor only = Tensor.zeros(DType.FLOAT64, 2, 3);
                only.setFlat(i, 1);
                total += m.loss().apply(Variable.leaf(x), Weighting.mask(only)).value().item();
            }
        }
        assertEquals(total / 3, masked, 1e-12, m.name());
    }

    /** Keras: a zero sample weight zeroes a loss but still counts in the mean; a mask does not count. */
    @Test
    void zeroSampleWeightCountsButMaskDoesNot() {
        Variable y = Variable.leaf(t(shape(2, 1), 1, 3));
        Tensor targets = t(shape(2, 1), 0, 0);
        MeanSquaredError mse = new MeanSquaredError();
        assertEquals(1.0 / 2, mse.apply(y, targets, Weighting.sampleWeights(t(shape(2), 1, 0))).value().item(), 1e-15);
        assertEquals(1.0 / 1, mse.apply(y, targets, Weighting.mask(t(shape(2), 1, 0))).value().item(), 1e-15);
    }

    /** Padding may hold labels a loss would reject and predictions that are NaN: neither reaches the loss. */
    @Test
    void maskedTargetsAndPredictionsAreNotRead() {
        Tensor mask = t(shape(2), 1, 0);
        Variable y = Variable.leaf(t(shape(2, 2), 0.5, 0.5, Double.NaN, Double.NaN));
        double mse = new MeanSquaredError().apply(y, t(shape(2, 2), 0, 1, Double.NaN, 7), Weighting.mask(mask)).value().item();
        assertEquals(0.25, mse, 1e-15);
        double bce = BinaryCrossEntropy.fromProbabilities().apply(y, t(shape(2, 2), 0, 1, 7, -3), Weighting.mask(mask))
                .value().item();
        assertEquals(-Math.log(0.5), bce, 1e-15);
        Variable logits = Variable.leaf(t(shape(2, 2), 0, 0, 1, 1));
        double sparse = SparseCategoricalCrossEntropy.fromLogits().apply(logits, new int[]{1, 42}, shape(2), Weighting.mask(mask))
                .value().item();
        assertEquals(Math.log(2), sparse, 1e-15);
        assertTrue(Double.isFinite(mse + bce + sparse));
    }
}
