package dev.recur.loss;

/** What a model's outputs hold, so that a cross-entropy reads them right. */
public enum Predictions {
    /**
     * Unnormalized scores; the loss applies the sigmoid or softmax itself, stably for any
     * magnitude. The recommended choice: no clipping, exact gradients.
     */
    LOGITS,
    /**
     * Probabilities from a sigmoid or softmax layer; clipped to [1e-7, 1 - 1e-7] before the log,
     * as Keras does, so that a saturated output gives a large finite loss and no gradient
     * through the clipped entries.
     */
    PROBABILITIES
}
