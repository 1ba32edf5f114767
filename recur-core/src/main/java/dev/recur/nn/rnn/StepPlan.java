package dev.recur.nn.rnn;

import dev.recur.kernel.Parallel;

/**
 * How a fused kernel walks a sequence: sizes, direction and which (row, time) pairs are
 * updated. Buffers indexed by time hold row {@code b * time + t}; the returned sequence holds
 * processing step s at row {@code b * time + s}.
 *
 * @param active flags indexed {@code b * time + t}, false where the mask is 0; null for no mask
 */
record StepPlan(int batch, int time, Direction direction, boolean[] active) {

    /** The time step read at processing step s. */
    int timeAt(int step) {
        return direction.time(step, time);
    }

    /** Whether row b is updated at time t. */
    boolean isActive(int b, int t) {
        return active == null || active[b * time + t];
    }

    /**
     * Runs {@code body} over the batch rows, in parallel when there is enough work
     * ({@code perRow} floats each); each row is handled by one thread, so results do not depend
     * on the thread count.
     */
    void forRows(int perRow, Parallel.RangeBody body) {
        int grain = Math.max(1, (4096 + perRow - 1) / perRow);
        Parallel.forRange(batch, grain, body);
    }
}
