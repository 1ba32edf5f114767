package dev.recur.nn.rnn;

/** One gate of a recurrent cell, by the letter the lecture equations give it. */
public enum Gate {
    /** LSTM input gate i. */
    INPUT("i"),
    /** LSTM forget gate f. */
    FORGET("f"),
    /** LSTM cell candidate c~ (often written g). */
    CELL("c"),
    /** LSTM output gate o. */
    OUTPUT("o"),
    /** GRU update gate z. */
    UPDATE("z"),
    /** GRU reset gate r. */
    RESET("r"),
    /** GRU candidate state h~. */
    CANDIDATE("h");

    private final String letter;

    Gate(String letter) {
        this.letter = letter;
    }

    /** The gate's letter in the equations, e.g. {@code "f"}. */
    public String letter() {
        return letter;
    }
}
