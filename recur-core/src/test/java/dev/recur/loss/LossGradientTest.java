package dev.recur.loss;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.recur.loss.Fixtures.bits;
import static dev.recur.loss.Fixtures.classes;
import static dev.recur.loss.Fixtures.oneHot;
import static dev.recur.loss.Fixtures.shape;
import static dev.recur.loss.Fixtures.t;
import static dev.recur.loss.Fixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every loss, with every reduction, masks, sample weights (per sample and per step), class
 * weights and ignored targets, against central differences in float64 ({@link GradientCheck}:
 * eps 1e-6, relative error 1e-3). Also T=1 and batch=1. Inputs stay away from kinks: predictions
 * differ from their targets by at least 0.1 (MAE), |d| stays 0.1 away from Huber's delta, and
 * probabilities stay inside [0.05, 0.95], far from the clipping bounds.
 */
class LossGradientTest {

    /** A loss applied to one float64 predictions tensor, named for the report. */
    record Case(String name, Function<Variable, Variable> loss, Tensor predictions) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final SplittableRandom RNG = new SplittableRandom(20261122);
    private static final int[] BTF = shape(2, 3, 4); // [batch, time, features]
    private static final Tensor MASK = t(shape(2, 3), 1, 1, 0, 1, 0, 0); // lengths 2 and 1
    private static final Tensor PER_SAMPLE = t(shape(2), 0.5, 2.0);
    private static final Tensor PER_STEP = t(shape(2, 3), 1.0, 0.25, 3.0, 2.0, 0.0, 1.5);
    private static final Weighting MASKED_AND_WEIGHTED = Weighting.mask(MASK).withSampleWeights(PER_SAMPLE);

    static Stream<Case> cases() {
        Tensor x = uniform(RNG, -2, 2, BTF);
        Tensor regression = offsetTargets(x);
        Tensor probabilities = uniform(RNG, 0.05, 0.95, BTF);
        Tensor positive = uniform(RNG, 0.1, 1.0, BTF); // unnormalized class scores
        Tensor bits = bits(RNG, BTF);
        Tensor soft = uniform(RNG, 0, 1, BTF);
        int[] labels = classes(RNG, 6, 4);
        Tensor oneHot = oneHot(labels, 4, 2, 3);
        int[] withIgnored = labels.clone();
        withIgnored[1] = -100;
        ClassWeights four = ClassWeights.of(0.5, 1.0, 2.0, 3.0);
        MeanSquaredError mse = new MeanSquaredError();
        MeanAbsoluteError mae = new MeanAbsoluteError();
        Huber huber = new Huber(1.0);
        BinaryCrossEntropy bceLogits = BinaryCrossEntropy.fromLogits();
        BinaryCrossEntropy bceProbs = BinaryCrossEntropy.fromProbabilities();
        CategoricalCrossEntropy cceLogits = CategoricalCrossEntropy.fromLogits();
        CategoricalCrossEntropy cceProbs = CategoricalCrossEntropy.fromProbabilities();
        SparseCategoricalCrossEntropy sparse = SparseCategoricalCrossEntropy.fromLogits();
        SparseCategoricalCrossEntropy sparseProbs = SparseCategoricalCrossEntropy.fromProbabilities();
        return Stream.of(
                c("MSE mean", y -> mse.apply(y, regression), x),
                c("MSE masked, per-sample weights", y -> mse.apply(y, regression, MASKED_AND_WEIGHTED), x),
                c("MSE per-step weights, SUM", y -> new MeanSquaredError(Reduction.SUM).apply(y, regression,
                        Weighting.sampleWeights(PER_STEP)), x),
                c("MSE NONE, masked", y -> new MeanSquaredError(Reduction.NONE).apply(y, regression, Weighting.mask(MASK)), x),
                c("MSE [batch, features]", y -> mse.apply(y, regression.select(1, 0)), x.select(1, 0).copy()),
                c("MAE mean", y -> mae.apply(y, regression), x),
                c("MAE masked, per-sample weights", y -> mae.apply(y, regression, MASKED_AND_WEIGHTED), x),
                c("Huber delta 1, both regimes", y -> huber.apply(y, regression), x),
                c("Huber delta 0.5, masked, NONE", y -> new Huber(0.5, Reduction.NONE).apply(y, regression,
                        Weighting.mask(MASK)), x),
                c("BCE logits", y -> bceLogits.apply(y, bits), x),
                c("BCE logits, soft targets, masked, weighted", y -> bceLogits.apply(y, soft, MASKED_AND_WEIGHTED), x),
                c("BCE logits, class weights, SUM", y -> bceLogits.withClassWeights(ClassWeights.of(1, 3))
                        .withReduction(Reduction.SUM).apply(y, bits), x),
                c("BCE probabilities", y -> bceProbs.apply(y, bits), probabilities),
                c("BCE probabilities, masked, class weights", y -> bceProbs.withClassWeights(ClassWeights.of(2, 0.5))
                        .apply(y, soft, Weighting.mask(MASK)), probabilities),
                c("CCE logits, one-hot", y -> cceLogits.apply(y, oneHot), x),
                c("CCE logits, soft targets, per-step weights", y -> cceLogits.apply(y, softRows(soft),
                        Weighting.sampleWeights(PER_STEP)), x),
                c("CCE logits, masked, class weights, NONE", y -> cceLogits.withClassWeights(four)
                        .withReduction(Reduction.NONE).apply(y, oneHot, Weighting.mask(MASK)), x),
                c("CCE probabilities (rescaled rows)", y -> cceProbs.apply(y, oneHot), positive),
                c("CCE probabilities, masked, weighted", y -> cceProbs.apply(y, oneHot, MASKED_AND_WEIGHTED), positive),
                c("sparse logits (fused)", y -> sparse.apply(y, labels, 2, 3), x),
                c("sparse logits, masked, per-sample weights", y -> sparse.apply(y, labels, shape(2, 3), MASKED_AND_WEIGHTED), x),
                c("sparse logits, ignored target, class weights", y -> sparse.withClassWeights(four)
                        .apply(y, withIgnored, 2, 3), x),
                c("sparse logits, per-step weights, SUM", y -> sparse.withReduction(Reduction.SUM)
                        .apply(y, labels, shape(2, 3), Weighting.sampleWeights(PER_STEP)), x),
                c("sparse logits, NONE, masked", y -> sparse.withReduction(Reduction.NONE)
                        .apply(y, labels, shape(2, 3), Weighting.mask(MASK)), x),
                c("sparse logits, T=1", y -> sparse.apply(y, new int[]{3, 0}, 2, 1), x.slice(1, 0, 1).copy()),
                c("sparse logits, batch=1, T=1", y -> sparse.apply(y, new int[]{2}, 1, 1), x.slice(0, 0, 1).slice(1, 0, 1).copy()),
                c("sparse logits, [batch, classes]", y -> sparse.apply(y, new int[]{1, 3}, 2), x.select(1, 2).copy()),
                c("sparse probabilities, ignored, masked", y -> sparseProbs.apply(y, withIgnored, shape(2, 3),
                        Weighting.mask(MASK)), positive));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        GradientCheck.Result r = GradientCheck.assertPasses(c.name(), in -> c.loss().apply(in.get(0)), c.predictions());
        assertEquals(c.predictions().size(), r.checked());
        assertTrue(r.maxRelError() <= GradientCheck.MAX_REL_ERROR);
    }

    private static Case c(String name, Function<Variable, Variable> loss, Tensor predictions) {
        return new Case(name, loss, predictions);
    }

    /** x plus offsets of magnitude 0.1 to 2.5 that avoid 0 and Huber's deltas (0.5 and 1) by at least 0.1. */
    private static Tensor offsetTargets(Tensor x) {
        double[] offsets = {0.3, -0.7, 1.6, -2.5, 0.1, -1.2, 0.75, -0.25};
        Tensor t = x.copy();
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, x.getFlat(i) + offsets[i % offsets.length]);
        }
        return t;
    }

    /** Each row of non-negative values divided by its sum: probability targets. */
    private static Tensor softRows(Tensor v) {
        return v.div(v.sum(-1).unsqueeze(-1));
    }
}
