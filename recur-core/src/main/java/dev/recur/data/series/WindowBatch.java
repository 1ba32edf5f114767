package dev.recur.data.series;

import dev.recur.tensor.Tensor;

/**
 * Windows and their targets, batch-first.
 *
 * @param inputs  [batch, window, features]
 * @param targets [batch, targetColumns] ({@code POINT}), [batch, horizon * targetColumns]
 *                ({@code NEXT_STEPS}) or [batch, window, horizon * targetColumns] ({@code EVERY_STEP});
 *                see {@link WindowSpec.Target}
 */
public record WindowBatch(Tensor inputs, Tensor targets) {

    /** Number of windows. */
    public int size() {
        return inputs.dim(0);
    }
}
