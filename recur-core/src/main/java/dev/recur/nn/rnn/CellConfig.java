package dev.recur.nn.rnn;

/** What every recurrent cell's configuration tells: its name, sizes and gate layout. */
public sealed interface CellConfig permits SimpleRnnConfig, LstmConfig, GruConfig {

    /** The cell's name in messages and summaries, e.g. {@code "LSTM"}. */
    String kind();

    /** Features per time step of the input. */
    int inputSize();

    /** Hidden units h (the size of the output and of each state). */
    int units();

    /** The order of gate blocks in the weights. */
    GateLayout layout();

    /**
     * Whether the cell normalizes its pre-activations (Ba, Kiros and Hinton 2016). Such a cell is
     * defined only by its reference composition: it has no fused kernel.
     */
    default boolean layerNorm() {
        return false;
    }

    /** Whether the state carries an LSTM cell state c besides h. */
    default boolean hasCellState() {
        return false;
    }

    /** {@code [inputSize, G*units]}. */
    default int[] kernelShape() {
        return new int[]{inputSize(), layout().count() * units()};
    }

    /** {@code [units, G*units]}. */
    default int[] recurrentKernelShape() {
        return new int[]{units(), layout().count() * units()};
    }

    /** {@code [G*units]}, or {@code [2, G*units]} for a GRU with {@code resetAfter}. */
    default int[] biasShape() {
        return new int[]{layout().count() * units()};
    }

    /** Number of trainable numbers with a bias, as Keras's summary counts them. */
    int parameterCount();

    /** Checks sizes are positive; shared by the compact constructors. */
    static void checkSizes(String kind, int inputSize, int units) {
        if (inputSize < 1) {
            throw new IllegalArgumentException(kind + " inputSize must be at least 1, got " + inputSize);
        }
        if (units < 1) {
            throw new IllegalArgumentException(kind + " units must be at least 1, got " + units);
        }
    }
}
