package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * A loss over targets shaped like the predictions ({@code [batch, features]} or
 * {@code [batch, time, features]}): regression values, binary labels, one-hot rows.
 * {@link SparseCategoricalCrossEntropy} takes integer class indices instead.
 */
@FunctionalInterface
public interface Loss {

    /**
     * The loss of one batch: a scalar for {@link Reduction#MEAN} and {@link Reduction#SUM}, the
     * per-element losses for {@link Reduction#NONE}.
     *
     * @param predictions the model's outputs // [batch, features] or [batch, time, features]
     * @param targets     the predictions' shape; converted to their element type (as Keras does)
     * @param weighting   mask and sample weights, or {@link Weighting#NONE}
     */
    Variable apply(Variable predictions, Tensor targets, Weighting weighting);

    /** The loss without mask or sample weights. */
    default Variable apply(Variable predictions, Tensor targets) {
        return apply(predictions, targets, Weighting.NONE);
    }
}
