package dev.recur.nn.rnn;

/** The order in which a recurrent layer visits the time steps. */
public enum Direction {
    /** t = 0, 1, ..., T-1. */
    FORWARD,
    /**
     * t = T-1, ..., 0 (Keras {@code go_backwards}); the returned sequence is in processing
     * order, so its first step is the last time step, as in Keras.
     */
    BACKWARD;

    /** The time step read at processing step {@code step} of a sequence of {@code time} steps. */
    public int time(int step, int time) {
        return this == FORWARD ? step : time - 1 - step;
    }
}
