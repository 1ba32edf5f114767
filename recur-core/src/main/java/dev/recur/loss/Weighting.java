package dev.recur.loss;

import dev.recur.tensor.Tensor;

/**
 * Per-batch weights of a loss, either of which may be null.
 *
 * @param mask          0/1 over the elements, shaped like the predictions without their last
 *                      dimension ({@code [batch, time]} for sequences, {@code [batch]} otherwise).
 *                      A 0 drops the element: it adds nothing, does not count in the mean, and its
 *                      targets are not validated (padding may hold any label).
 * @param sampleWeights finite weights, one per sample ({@code [batch]}, repeated over the steps)
 *                      or one per element ({@code [batch, time]}, Keras's temporal weights).
 *                      A weight of 0 zeroes an element's loss but it still counts in the mean.
 */
public record Weighting(Tensor mask, Tensor sampleWeights) {

    /** No mask, every sample weighs 1. */
    public static final Weighting NONE = new Weighting(null, null);

    /** Only a mask. */
    public static Weighting mask(Tensor mask) {
        return new Weighting(mask, null);
    }

    /** Only sample weights. */
    public static Weighting sampleWeights(Tensor sampleWeights) {
        return new Weighting(null, sampleWeights);
    }

    /** This mask with these sample weights. */
    public Weighting withSampleWeights(Tensor sampleWeights) {
        return new Weighting(mask, sampleWeights);
    }
}
