package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Categorical cross-entropy against integer class indices, one per row of the predictions
 * ({@code [batch]} targets for {@code [batch, classes]}, {@code [batch, time]} for
 * {@code [batch, time, classes]}): per element {@code -log p[target]}, then reduced over the batch
 * (Keras {@code SparseCategoricalCrossentropy}, PyTorch {@code CrossEntropyLoss}).
 *
 * <p>From {@link Predictions#LOGITS} it is {@code logSumExp(x) - x[target]}, one fused op over the
 * {@code [rows, classes]} logits: the language-model hot path. From
 * {@link Predictions#PROBABILITIES} it is {@link CategoricalCrossEntropy}'s computation on one-hot
 * rows. A target equal to the ignore index (PyTorch's {@code ignore_index}, default -100) is
 * dropped like a masked step: no loss, no gradient, not counted in the mean. Class weights, one per
 * class, weigh each element by its target's weight (Keras's {@code class_weight}).
 *
 * @param kind         what the predictions hold
 * @param ignoreIndex  a target value to skip; may be a valid class (0 for a padding token)
 * @param classWeights {@link ClassWeights#NONE} or one weight per class
 * @param reduction    how the per-element losses are combined
 */
public record SparseCategoricalCrossEntropy(Predictions kind, int ignoreIndex, ClassWeights classWeights,
                                            Reduction reduction) {

    static final String NAME = "SparseCategoricalCrossEntropy";

    /** PyTorch's default {@code ignore_index}. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    public SparseCategoricalCrossEntropy {
        Labels.setting(NAME, "the kind of predictions", kind, "Predictions.LOGITS or PROBABILITIES");
        Labels.setting(NAME, "classWeights", classWeights, "ClassWeights.NONE for equal weights");
        Labels.setting(NAME, "reduction", reduction, "Reduction.MEAN, SUM or NONE");
    }

    /** From logits, ignore index -100, no class weights, {@link Reduction#MEAN}. */
    public static SparseCategoricalCrossEntropy fromLogits() {
        return new SparseCategoricalCrossEntropy(Predictions.LOGITS, DEFAULT_IGNORE_INDEX, ClassWeights.NONE, Reduction.MEAN);
    }

    /** From probabilities, ignore index -100, no class weights, {@link Reduction#MEAN}. */
    public static SparseCategoricalCrossEntropy fromProbabilities() {
        return new SparseCategoricalCrossEntropy(Predictions.PROBABILITIES, DEFAULT_IGNORE_INDEX, ClassWeights.NONE,
                Reduction.MEAN);
    }

    public SparseCategoricalCrossEntropy withIgnoreIndex(int index) {
        return new SparseCategoricalCrossEntropy(kind, index, classWeights, reduction);
    }

    public SparseCategoricalCrossEntropy withClassWeights(ClassWeights weights) {
        return new SparseCategoricalCrossEntropy(kind, ignoreIndex, weights, reduction);
    }

    public SparseCategoricalCrossEntropy withReduction(Reduction r) {
        return new SparseCategoricalCrossEntropy(kind, ignoreIndex, classWeights, r);
    }

    /**
     * The loss of one batch without mask or sample weights.
     *
     * @param predictions logits or probabilities // [batch, classes] or [batch, time, classes]
     * @param targets     class indices, row-major over {@code targetShape}
     * @param targetShape the predictions' shape without the last dimension
     */
    public Variable apply(Variable predictions, int[] targets, int... targetShape) {
        return apply(predictions, targets, targetShape, Weighting.NONE);
    }

    /** The loss of one batch; see {@link Loss#apply(Variable, Tensor, Weighting)} for the result's shape. */
    public Variable apply(Variable predictions, int[] targets, int[] targetShape, Weighting weighting) {
        Elements e = Elements.of(NAME, predictions, weighting);
        Tensor p = predictions.value();
        Labels.classIndexShape(NAME, p, targets, targetShape);
        int classes = p.dim(-1);
        classWeights.checkClasses(NAME, classes, p.shape());
        for (int i = 0; i < e.size(); i++) {
            if (!e.counted(i)) {
                continue;
            }
            int t = targets[i];
            if (t == ignoreIndex) {
                e.drop(i);
            } else if (t < 0 || t >= classes) {
                throw notAClass(t, Labels.position(i, targetShape), classes, p);
            } else {
                e.scale(i, classWeights.weight(t));
            }
        }
        if (kind == Predictions.LOGITS) {
            return e.reduceWeighted(SparseSoftmaxCrossEntropy.apply(predictions, targets, e.weights()), reduction);
        }
        return e.reduce(CategoricalCrossEntropy.fromProbabilities(predictions, oneHot(targets, e, p)), reduction);
    }

    private IllegalArgumentException notAClass(int t, String at, int classes, Tensor p) {
        String expected = "expected 0.." + (classes - 1) + " (logits of shape " + p.shapeString() + ")";
        if (t < 0) {
            return new IllegalArgumentException(NAME + ": target " + t + " at " + at + " is negative and not the ignore"
                    + " index " + ignoreIndex + "; " + expected + ". Possible cause: padding labelled " + t
                    + "; mask those steps or set withIgnoreIndex(" + t + ")");
        }
        return new IllegalArgumentException(NAME + ": target " + t + " at " + at + " is not a class of " + classes + "; "
                + expected + " or the ignore index " + ignoreIndex + ". Possible cause: labels are 1-based; classes must"
                + " be 0..C-1, or the output layer has fewer units than there are classes");
    }

    /** One-hot rows for the counted elements, zeros elsewhere; p's shape and type. */
    private static Tensor oneHot(int[] targets, Elements e, Tensor p) {
        Tensor t = Tensor.zeros(p.dtype(), p.shape());
        int classes = p.dim(-1);
        for (int i = 0; i < e.size(); i++) {
            if (e.counted(i)) {
                t.setFlat(i * classes + targets[i], 1.0);
            }
        }
        return t;
    }
}
