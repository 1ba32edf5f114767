package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Categorical cross-entropy for one-hot (or probability) target rows: per element
 * {@code -sum_c t_c log p_c} over the last dimension, then reduced over the batch (Keras
 * {@code CategoricalCrossentropy}; PyTorch {@code CrossEntropyLoss} with probability targets).
 *
 * <p>From {@link Predictions#LOGITS}, {@code log p} is {@code logSoftmax(x)}, stable for any
 * logit. From {@link Predictions#PROBABILITIES}, as in Keras, each row is rescaled to sum to 1
 * and clipped to [1e-7, 1 - 1e-7]. Class weights (one per class) weigh each element by the class
 * of its largest target, Keras's {@code class_weight}. For integer labels use
 * {@link SparseCategoricalCrossEntropy}, which is faster.
 *
 * @param kind         what the predictions hold
 * @param classWeights {@link ClassWeights#NONE} or one weight per class
 * @param reduction    how the per-element losses are combined
 */
public record CategoricalCrossEntropy(Predictions kind, ClassWeights classWeights, Reduction reduction)
        implements Loss {

    static final String NAME = "CategoricalCrossEntropy";

    public CategoricalCrossEntropy {
        Labels.setting(NAME, "the kind of predictions", kind, "Predictions.LOGITS or PROBABILITIES");
        Labels.setting(NAME, "classWeights", classWeights, "ClassWeights.NONE for equal weights");
        Labels.setting(NAME, "reduction", reduction, "Reduction.MEAN, SUM or NONE");
    }

    /** From logits, no class weights, {@link Reduction#MEAN}. */
    public static CategoricalCrossEntropy fromLogits() {
        return new CategoricalCrossEntropy(Predictions.LOGITS, ClassWeights.NONE, Reduction.MEAN);
    }

    /** From probabilities, no class weights, {@link Reduction#MEAN}. */
    public static CategoricalCrossEntropy fromProbabilities() {
        return new CategoricalCrossEntropy(Predictions.PROBABILITIES, ClassWeights.NONE, Reduction.MEAN);
    }

    public CategoricalCrossEntropy withClassWeights(ClassWeights weights) {
        return new CategoricalCrossEntropy(kind, weights, reduction);
    }

    public CategoricalCrossEntropy withReduction(Reduction r) {
        return new CategoricalCrossEntropy(kind, classWeights, r);
    }

    @Override
    public Variable apply(Variable predictions, Tensor targets, Weighting weighting) {
        Elements e = Elements.of(NAME, predictions, weighting);
        Tensor t = Labels.unitInterval(NAME, predictions, targets, e, // predictions' shape
                "integer class labels; use SparseCategoricalCrossEntropy for those");
        int classes = t.dim(-1);
        classWeights.checkClasses(NAME, classes, t.shape());
        if (!classWeights.isNone()) {
            for (int i = 0; i < e.size(); i++) {
                if (e.counted(i)) {
                    e.scale(i, classWeights.weight(argmax(t, i * classes, classes)));
                }
            }
        }
        Variable perElement = kind == Predictions.LOGITS
                ? predictions.logSoftmax().mul(Variable.constant(t)).sum(-1).neg()
                : fromProbabilities(predictions, t);
        return e.reduce(perElement, reduction);
    }

    /** Keras: p / sum(p) per row, clipped to [eps, 1 - eps], then -sum(t log p); t: p's shape. */
    static Variable fromProbabilities(Variable probabilities, Tensor t) {
        Variable p = probabilities.div(probabilities.sum(-1).unsqueeze(-1))
                .clamp(BinaryCrossEntropy.EPSILON, 1 - BinaryCrossEntropy.EPSILON);
        return p.log().mul(Variable.constant(t)).sum(-1).neg();
    }

    /** The first class of largest target in the row starting at flat index {@code from} of dense t. */
    private static int argmax(Tensor t, int from, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (Labels.at(t, from + c) > Labels.at(t, from + best)) {
                best = c;
            }
        }
        return best;
    }
}
