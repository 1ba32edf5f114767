package dev.recur.nn.rnn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shapes and parameter counts match Keras's summaries; bad configurations are refused loudly. */
class CellConfigTest {

    @Test
    void parameterCountsMatchKeras() {
        // Keras: LSTM(4) on 3 features has 4 * (3*4 + 4*4 + 4) = 128 parameters
        assertEquals(128, LstmConfig.of(3, 4).parameterCount());
        // GRU(4), reset_after=True: 3 * (3*4 + 4*4 + 2*4) = 108; reset_after=False: 3 * (12 + 16 + 4) = 96
        assertEquals(108, GruConfig.of(3, 4).parameterCount());
        assertEquals(96, GruConfig.of(3, 4).withResetBefore().parameterCount());
        // SimpleRNN(4): 3*4 + 4*4 + 4 = 32
        assertEquals(32, SimpleRnnConfig.of(3, 4).parameterCount());
        // peepholes add 3 vectors of h; CIFG drops a gate block and the forget peephole
        assertEquals(128 + 12, LstmConfig.of(3, 4).withPeepholes().parameterCount());
        assertEquals(96 + 8, LstmConfig.of(3, 4).withCoupledInputForget().withPeepholes().parameterCount());
    }

    @Test
    void shapes() {
        LstmConfig lstm = LstmConfig.of(3, 4);
        assertArrayEquals(new int[]{3, 16}, lstm.kernelShape());
        assertArrayEquals(new int[]{4, 16}, lstm.recurrentKernelShape());
        assertArrayEquals(new int[]{16}, lstm.biasShape());
        assertArrayEquals(new int[]{2, 12}, GruConfig.of(3, 4).biasShape());
        assertArrayEquals(new int[]{12}, GruConfig.of(3, 4).withResetBefore().biasShape());
    }

    @Test
    void badConfigurationsAreRefused() {
        assertMessage("LSTM units must be at least 1, got 0", () -> LstmConfig.of(3, 0));
        assertMessage("GRU inputSize must be at least 1, got -2", () -> GruConfig.of(-2, 4));
        assertMessage("LSTM cellClip must be positive (or Double.POSITIVE_INFINITY for no clipping), got 0.0",
                () -> LstmConfig.of(3, 4).withCellClip(0));
        assertMessage("LSTM cellClip must be positive (or Double.POSITIVE_INFINITY for no clipping), got NaN",
                () -> LstmConfig.of(3, 4).withCellClip(Double.NaN));
        assertMessage("SimpleRNN activation is null; use Activation.TANH (Keras's default)",
                () -> new SimpleRnnConfig(3, 4, null));
    }

    static void assertMessage(String expected, Runnable action) {
        var e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, e.getMessage());
    }
}
