package dev.recur.nn.rnn;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter counts and summaries as Keras prints them for the same models. */
class ParameterCountTest {

    private static Sequential model(String spec) {
        var parsed = LayerRegistry.parseModel(spec);
        parsed.model().build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), parsed.inputShape());
        return parsed.model();
    }

    @Test
    void countsEqualKeras() {
        assertEquals(2_080, model("Input(-1, 32) SimpleRNN(32)").countParams());
        assertEquals(28, model("Input(3, 2) SimpleRNN(4)").countParams());
        assertEquals(24_832, model("Input(-1, 32) LSTM(64)").countParams());
        assertEquals(18_816, model("Input(-1, 32) GRU(64)").countParams());
        assertEquals(18_624, model("Input(-1, 32) GRU(64, reset_after=false)").countParams());
        assertEquals(49_664, model("Input(-1, 32) Bidirectional(LSTM(64))").countParams());
        Sequential lstm = model("Input(5, 1) LSTM(3) Dense(1)");
        assertEquals(60, lstm.layers().get(0).countParams());
        assertEquals(4, lstm.layers().get(1).countParams());
        assertEquals(64, lstm.countParams());
    }

    @Test
    void countsOfTheOptionsAgreeWithTheCellConfigurations() {
        // no bias: Keras's use_bias=False drops b; peepholes add 3 vectors; layer norm adds the gains (and SimpleRNN's beta)
        assertEquals(32 * 32 + 32 * 32, model("Input(-1, 32) SimpleRNN(32, use_bias=false)").countParams());
        assertEquals(LstmConfig.of(8, 4).withPeepholes().parameterCount(),
                model("Input(-1, 8) LSTM(4, peepholes=true)").countParams());
        assertEquals(LstmConfig.of(8, 4).withLayerNorm().withCoupledInputForget().parameterCount(),
                model("Input(-1, 8) LSTM(4, layer_norm=true, coupled_input_forget=true)").countParams());
        assertEquals(SimpleRnnConfig.of(8, 4).withLayerNorm().parameterCount(),
                model("Input(-1, 8) SimpleRNN(4, layer_norm=true)").countParams());
        assertEquals(8 * 4 + 4 * 4 + 2 * 4, SimpleRnnConfig.of(8, 4).withLayerNorm().parameterCount());
        assertEquals(4 * (8 * 4 + 16 + 4) + 2 * 16 + 2 * 4, LstmConfig.of(8, 4).withLayerNorm().parameterCount());
    }

    @Test
    void summaries() {
        assertSummary("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #
                =================================================================
                lstm (LSTM)                  (None, 3)                 60
                _________________________________________________________________
                dense (Dense)                (None, 1)                 4
                =================================================================
                Total params: 64
                Trainable params: 64
                Non-trainable params: 0
                _________________________________________________________________
                """, model("Input(5, 1) LSTM(3) Dense(1)"));
        assertSummary("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #
                =================================================================
                simple_rnn (SimpleRNN)       (None, None, 32)          2080
                _________________________________________________________________
                simple_rnn_1 (SimpleRNN)     (None, 32)                2080
                =================================================================
                Total params: 4,160
                Trainable params: 4,160
                Non-trainable params: 0
                _________________________________________________________________
                """, model("Input(-1, 32) SimpleRNN(32, return_sequences=true) SimpleRNN(32)"));
        assertSummary("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #
                =================================================================
                gru (GRU)                    (None, 10, 64)            18624
                _________________________________________________________________
                lstm (LSTM)                  (None, 64)                33024
                =================================================================
                Total params: 51,648
                Trainable params: 51,648
                Non-trainable params: 0
                _________________________________________________________________
                """, model("Input(10, 32) GRU(64, reset_after=false, return_sequences=true) LSTM(64)"));
        String bidirectional = model("Input(-1, 32) Bidirectional(LSTM(64)) Dense(1)").summary();
        // "bidirectional (Bidirectional)" fills the first column (29 characters): Keras 2 replaces its last one by a space
        assertTrue(bidirectional.lines().anyMatch(l -> l.matches(
                "bidirectional \\(Bidirectional\\)? ?\\(None, 128\\)\\s+49664\\s*")), bidirectional);
        assertTrue(bidirectional.contains("Total params: 49,793"), bidirectional);
    }

    /** Compares line by line without trailing spaces (Keras pads its lines; the layout is otherwise exact). */
    private static void assertSummary(String expected, Sequential model) {
        String actual = model.summary().lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected, actual);
    }
}
