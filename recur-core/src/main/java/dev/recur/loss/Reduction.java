package dev.recur.loss;

/** How a loss combines the per-element losses of a batch (Keras's and PyTorch's {@code reduction}). */
public enum Reduction {
    /**
     * The weighted sum divided by the number of unmasked, non-ignored elements (Keras's
     * {@code "sum_over_batch_size"}); 0, with a zero gradient, when every element is masked.
     */
    MEAN,
    /** The weighted sum. */
    SUM,
    /** The weighted per-element losses, shaped like the predictions without their last dimension. */
    NONE
}
