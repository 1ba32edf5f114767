package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;

/**
 * The state a recurrent cell carries from one step to the next.
 *
 * @param h hidden state (the cell's output), {@code [batch, units]}
 * @param c LSTM cell state (the carry), {@code [batch, units]}; null for GRU and SimpleRNN
 */
public record State(Variable h, Variable c) {

    public State {
        if (h == null) {
            throw new IllegalArgumentException("a recurrent state needs a hidden state h");
        }
    }

    /** The state of a cell without a carry (GRU, SimpleRNN). */
    public static State of(Variable h) {
        return new State(h, null);
    }

    /** The state of an LSTM: hidden state h and cell state c. */
    public static State of(Variable h, Variable c) {
        if (c == null) {
            throw new IllegalArgumentException("an LSTM state needs a cell state c");
        }
        return new State(h, c);
    }

    /** Whether this state has an LSTM cell state. */
    public boolean hasCell() {
        return c != null;
    }
}
