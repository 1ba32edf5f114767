package dev.recur.nn.rnn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pins the gate order of every cell (Keras's for LSTM and GRU); golden values pin it numerically. */
class GateLayoutTest {

    @Test
    void gateOrders() {
        assertEquals("i,f,c,o", GateLayout.LSTM.toString());
        assertEquals("i,c,o", GateLayout.LSTM_CIFG.toString());
        assertEquals("z,r,h", GateLayout.GRU.toString());
        assertEquals("h", GateLayout.SIMPLE_RNN.toString());
    }

    @Test
    void offsetsAreGateIndexTimesUnits() {
        assertEquals(0, GateLayout.LSTM.offset(Gate.INPUT, 5));
        assertEquals(5, GateLayout.LSTM.offset(Gate.FORGET, 5));
        assertEquals(10, GateLayout.LSTM.offset(Gate.CELL, 5));
        assertEquals(15, GateLayout.LSTM.offset(Gate.OUTPUT, 5));
        assertEquals(10, GateLayout.LSTM_CIFG.offset(Gate.OUTPUT, 5));
        assertEquals(10, GateLayout.GRU.offset(Gate.CANDIDATE, 5));
    }

    @Test
    void configsUseTheirLayout() {
        assertEquals(GateLayout.LSTM, LstmConfig.of(3, 4).layout());
        assertEquals(GateLayout.LSTM_CIFG, LstmConfig.of(3, 4).withCoupledInputForget().layout());
        assertEquals(GateLayout.GRU, GruConfig.of(3, 4).layout());
        assertFalse(GateLayout.LSTM_CIFG.has(Gate.FORGET));
    }

    @Test
    void askingForAMissingGateNamesTheGates() {
        var e = assertThrows(IllegalArgumentException.class, () -> GateLayout.LSTM_CIFG.offset(Gate.FORGET, 4));
        assertEquals("LSTM-CIFG has no FORGET gate (f); its gates are i,c,o", e.getMessage());
    }
}
