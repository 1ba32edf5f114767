package dev.recur.nn.rnn;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.nn.spec.SpecParser;
import dev.recur.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Specifications with Keras's names: each layer's spec() parses back to an equal layer. */
class LayerSpecTest {

    private static Layer parse(String spec) {
        return LayerRegistry.create(SpecParser.parse(spec).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SimpleRNN(32)",
            "SimpleRNN(100, activation=relu, recurrent_initializer=identity)",
            "SimpleRNN(8, activation=linear, layer_norm=true, return_sequences=true)",
            "LSTM(3, return_sequences=true)",
            "LSTM(64, dropout=0.2, recurrent_dropout=0.1, return_state=true, go_backwards=true, stateful=true)",
            "LSTM(4, unit_forget_bias=false, peepholes=true, coupled_input_forget=true, cell_clip=3.0, layer_norm=true)",
            "LSTM(4, use_bias=false, kernel_initializer=he_uniform, recurrent_initializer=glorot_uniform,"
                    + " bias_initializer=ones)",
            "GRU(64)",
            "GRU(64, reset_after=false, return_sequences=true)",
            "Bidirectional(LSTM(64))",
            "Bidirectional(GRU(64, reset_after=false))",
            "Bidirectional(LSTM(8, return_sequences=true), merge_mode=sum)",
            "Bidirectional(SimpleRNN(8), merge_mode=None)"})
    void specParsesBackToAnEqualLayer(String spec) {
        Layer layer = parse(spec);
        assertEquals(spec, layer.spec());
        Layer again = parse(layer.spec());
        assertEquals(layer.spec(), again.spec());
        assertEquals(layer.getClass(), again.getClass());
        RecurrentLayer a = layer instanceof Bidirectional b ? b.forwardLayer() : (RecurrentLayer) layer;
        RecurrentLayer c = again instanceof Bidirectional b ? b.forwardLayer() : (RecurrentLayer) again;
        assertEquals(a.options(), c.options());
        assertEquals(cellOptions(a), cellOptions(c));
    }

    private static Object cellOptions(RecurrentLayer l) {
        return switch (l) {
            case SimpleRnn s -> s.cellOptions();
            case Lstm s -> s.cellOptions();
            case Gru s -> s.cellOptions();
        };
    }

    @Test
    void kerasSpellingsAreAccepted() {
        assertEquals("SimpleRNN(4, activation=linear)", parse("SimpleRNN(4, None)").spec());
        assertEquals("LSTM(4)", parse("LSTM(units=4, activation=tanh, recurrent_activation=sigmoid, return_sequences=False)")
                .spec());
        assertEquals("Bidirectional(GRU(2))", parse("Bidirectional(layer=GRU(2), merge_mode=\"concat\")").spec());
        assertEquals(Bidirectional.MergeMode.NONE, ((Bidirectional) parse("Bidirectional(GRU(2), merge_mode=none)"))
                .mergeMode());
        assertEquals("LSTM(2, dropout=1.0E-4)", parse("LSTM(2, dropout=1e-4)").spec());
    }

    @Test
    void modelsBuildFromTheirSpecification() {
        var spec = LayerRegistry.parseModel("Input(5, 1) LSTM(3, return_sequences=true) LSTM(3) Dense(1)");
        Sequential model = spec.model();
        assertEquals("LSTM(3, return_sequences=true) LSTM(3) Dense(1)", model.spec());
        assertArrayEquals(new int[]{1}, model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)),
                spec.inputShape()));
        assertEquals(List.of("lstm", "lstm_1", "dense"), model.layers().stream().map(Layer::name).toList());
        var unknownTime = LayerRegistry.parseModel("Input(-1, 8) Bidirectional(GRU(4, return_sequences=true)) GRU(2)");
        Sequential m = unknownTime.model();
        m.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), unknownTime.inputShape());
        assertArrayEquals(new int[]{-1, 8}, m.layers().get(1).inputShape());
        assertInstanceOf(Bidirectional.class, m.layers().get(0));
        assertArrayEquals(new int[]{2, 2}, m.predict(Fixtures.data(DType.FLOAT32, 1, 2, 9, 8)).shape());
    }

    @Test
    void badArgumentsAreRefusedByName() {
        assertEquals("Bidirectional merge_mode must be one of concat, sum, mul, ave, None, got 'max'",
                error("Bidirectional(LSTM(4), merge_mode=max)"));
        assertEquals("Bidirectional wraps a recurrent layer (SimpleRNN, LSTM or GRU), got Dense",
                error("Bidirectional(Dense(4))"));
        assertEquals("LSTM has the fixed activations activation=tanh and recurrent_activation=sigmoid (those of Keras's"
                + " defaults and cuDNN), got activation=relu, recurrent_activation=sigmoid; for another activation use"
                + " SimpleRNN(units, activation=...)", error("LSTM(4, activation=relu)"));
        assertEquals("GRU has the fixed activations activation=tanh and recurrent_activation=sigmoid (those of Keras's"
                + " defaults and cuDNN), got activation=tanh, recurrent_activation=hard_sigmoid; for another activation"
                + " use SimpleRNN(units, activation=...)", error("GRU(4, recurrent_activation=hard_sigmoid)"));
        assertEquals("unknown initializer 'lecun_normal'; valid: glorot_uniform, orthogonal, identity, zeros, ones,"
                + " he_uniform", error("GRU(4, kernel_initializer=lecun_normal)"));
        assertEquals("dropout must be in [0, 1) (the fraction of units to drop), got 1.5", error("LSTM(4, dropout=1.5)"));
        assertEquals("recurrent_dropout must be in [0, 1) (the fraction of units to drop), got -0.1",
                error("SimpleRNN(4, recurrent_dropout=-0.1)"));
        assertEquals("LSTM units must be at least 1, got 0", error("LSTM(0)"));
        assertEquals("LSTM cellClip must be positive (or Double.POSITIVE_INFINITY for no clipping), got -1.0",
                error("LSTM(3, cell_clip=-1)"));
        assertEquals("SimpleRNN activation must act on each unit alone (tanh, relu, sigmoid or linear), got softmax;"
                + " put a Dense(n, activation=softmax) after the recurrent layer instead",
                error("SimpleRNN(3, activation=softmax)"));
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> parse(spec)).getMessage();
    }
}
