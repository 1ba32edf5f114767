package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The order of the gate blocks along the last axis of a cell's kernel {@code [in, G*h]},
 * recurrent kernel {@code [h, G*h]} and bias {@code [G*h]}: the one place every cell, fused
 * kernel and (later) converter reads it from. {@code GateLayoutTest} pins it.
 *
 * <p>LSTM and GRU follow Keras, so that weights and parameter counts match the Keras examples.
 * Keras has no coupled input-forget LSTM; Recur's CIFG drops the forget block (its gate is
 * {@code f = 1 - i}), which saves a quarter of the weights and leaves no block that would always
 * receive a zero gradient.
 */
public record GateLayout(String cell, List<Gate> gates) {

    /** Keras LSTM: i, f, c, o. */
    public static final GateLayout LSTM = new GateLayout("LSTM", Gate.INPUT, Gate.FORGET, Gate.CELL, Gate.OUTPUT);

    /** Coupled input-forget LSTM (Greff et al. 2017, "CIFG"): i, c, o; f = 1 - i. */
    public static final GateLayout LSTM_CIFG = new GateLayout("LSTM-CIFG", Gate.INPUT, Gate.CELL, Gate.OUTPUT);

    /** Keras GRU: z, r, h. */
    public static final GateLayout GRU = new GateLayout("GRU", Gate.UPDATE, Gate.RESET, Gate.CANDIDATE);

    /** A SimpleRNN has one block: the new state itself. */
    public static final GateLayout SIMPLE_RNN = new GateLayout("SimpleRNN", Gate.CANDIDATE);

    public GateLayout {
        gates = List.copyOf(gates);
    }

    private GateLayout(String cell, Gate... gates) {
        this(cell, List.of(gates));
    }

    /** Number of gate blocks G. */
    public int count() {
        return gates.size();
    }

    /** Whether this layout has a block for {@code gate}. */
    public boolean has(Gate gate) {
        return gates.contains(gate);
    }

    /** First column of {@code gate}'s block for a cell of {@code units} hidden units. */
    public int offset(Gate gate, int units) {
        int index = gates.indexOf(gate);
        if (index < 0) {
            throw new IllegalArgumentException(cell + " has no " + gate + " gate (" + gate.letter()
                    + "); its gates are " + this);
        }
        return index * units;
    }

    /** The columns of {@code gate}'s block along the last dimension of {@code m}, e.g. z_f of z [B, 4h]. */
    public Variable block(Variable m, Gate gate, int units) {
        int at = offset(gate, units);
        return m.slice(m.value().rank() - 1, at, at + units);
    }

    /** The order as letters, e.g. {@code "i,f,c,o"}. */
    @Override
    public String toString() {
        return gates.stream().map(Gate::letter).collect(Collectors.joining(","));
    }
}
