package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Binary cross-entropy for 0/1 targets (or probabilities), one or several independent labels
 * per element: per entry {@code -(t log p + (1 - t) log(1 - p))}, averaged over the last
 * dimension, then reduced over the batch (Keras {@code BinaryCrossentropy}; PyTorch
 * {@code BCEWithLogitsLoss} / {@code BCELoss}).
 *
 * <p>From {@link Predictions#LOGITS} it is computed as {@code max(x, 0) - x t + log(1 + exp(-|x|))},
 * finite for any logit; from {@link Predictions#PROBABILITIES} p is first clipped to
 * [1e-7, 1 - 1e-7] as Keras does. Class weights hold two entries, for targets 0 and 1, and weigh
 * each entry by its rounded target ({@code t > 0.5}), which for one label per element is
 * Keras's {@code class_weight}.
 *
 * @param kind         what the predictions hold
 * @param classWeights {@link ClassWeights#NONE} or two weights, for class 0 and class 1
 * @param reduction    how the per-element losses are combined
 */
public record BinaryCrossEntropy(Predictions kind, ClassWeights classWeights, Reduction reduction) implements Loss {

    static final String NAME = "BinaryCrossEntropy";
    static final double EPSILON = 1e-7; // Keras's backend.epsilon()

    public BinaryCrossEntropy {
        Labels.setting(NAME, "the kind of predictions", kind, "Predictions.LOGITS or PROBABILITIES");
        Labels.setting(NAME, "classWeights", classWeights, "ClassWeights.NONE for equal weights");
        Labels.setting(NAME, "reduction", reduction, "Reduction.MEAN, SUM or NONE");
        if (!classWeights.isNone() && classWeights.size() != 2) {
            throw new IllegalArgumentException(NAME + ": class weights need 2 entries (class 0, class 1) but "
                    + classWeights.size() + " were given");
        }
    }

    /** From logits, no class weights, {@link Reduction#MEAN}. */
    public static BinaryCrossEntropy fromLogits() {
        return new BinaryCrossEntropy(Predictions.LOGITS, ClassWeights.NONE, Reduction.MEAN);
    }

    /** From probabilities, no class weights, {@link Reduction#MEAN}. */
    public static BinaryCrossEntropy fromProbabilities() {
        return new BinaryCrossEntropy(Predictions.PROBABILITIES, ClassWeights.NONE, Reduction.MEAN);
    }

    public BinaryCrossEntropy withClassWeights(ClassWeights weights) {
        return new BinaryCrossEntropy(kind, weights, reduction);
    }

    public BinaryCrossEntropy withReduction(Reduction r) {
        return new BinaryCrossEntropy(kind, classWeights, r);
    }

    @Override
    public Variable apply(Variable predictions, Tensor targets, Weighting weighting) {
        Elements e = Elements.of(NAME, predictions, weighting);
        Tensor t = Labels.unitInterval(NAME, predictions, targets, e, // predictions' shape
                "class indices of a multi-class problem; use SparseCategoricalCrossEntropy for integer labels");
        Variable perEntry = kind == Predictions.LOGITS
                ? SigmoidCrossEntropy.apply(predictions, t)
                : fromProbabilities(predictions, t);
        if (!classWeights.isNone()) {
            perEntry = perEntry.mul(Variable.constant(entryWeights(t)));
        }
        return e.reduce(perEntry.mean(-1), reduction);
    }

    // -(t log p + (1 - t) log(1 - p)) with p clipped to [eps, 1 - eps]
    private static Variable fromProbabilities(Variable probabilities, Tensor t) {
        Variable p = probabilities.clamp(EPSILON, 1 - EPSILON);
        Variable logP = p.log().mul(Variable.constant(t));
        Variable logNotP = p.neg().add(1.0).log().mul(Variable.constant(t.neg().add(1.0)));
        return logP.add(logNotP).neg();
    }

    /** classWeight[round(t)] per entry, t's shape. */
    private Tensor entryWeights(Tensor t) {
        Tensor w = Tensor.zeros(t.dtype(), t.shape());
        for (int i = 0, n = t.size(); i < n; i++) {
            w.setFlat(i, classWeights.weight(t.getFlat(i) > 0.5 ? 1 : 0));
        }
        return w;
    }
}
