package dev.recur.nn.spec;

import dev.recur.nn.Activation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgsTest {

    private static Args args(String spec) {
        return new Args(SpecParser.parse(spec).get(0));
    }

    private static String error(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void byPositionOrByKeyword() {
        Args a = args("Conv1D(16, kernel_size=3, padding=same, rate=0.5)");
        assertEquals(16, a.requiredInt(0, "filters"));
        assertEquals(3, a.requiredInt(1, "kernel_size"));
        assertEquals(1, a.intArg(2, "strides", 1));
        assertEquals("same", a.stringArg(3, "padding", "valid"));
        assertEquals(0.5, a.doubleArg(-1, "rate", 0.0));
        assertEquals(true, a.boolArg("use_bias", true));
        a.done();
    }

    @Test
    void wholeNumbersAreAcceptedAsNumbers() {
        assertEquals(1.0, args("Dropout(1)").requiredDouble(0, "rate"));
    }

    @Test
    void unknownArgumentsAreNamedWithTheValidOnes() {
        Args a = args("Dense(3, activaton=relu)");
        a.requiredInt(0, "units");
        a.stringArg(1, "activation", "linear");
        a.boolArg("use_bias", true);
        assertEquals("Dense: unknown argument 'activaton' (did you mean activation?); valid arguments: units, activation, use_bias",
                error(a::done));
        Args b = args("Dense(3, x=1, y=2)");
        b.requiredInt(0, "units");
        assertEquals("Dense: unknown arguments 'x', 'y'; valid arguments: units", error(b::done));
    }

    @Test
    void tooManyPositionalArguments() {
        Args a = args("Dense(3, relu, 7)");
        a.requiredInt(0, "units");
        a.stringArg(1, "activation", "linear");
        a.boolArg("use_bias", true);
        assertEquals("Dense takes at most 2 positional arguments but 3 were given; valid arguments: units, activation,"
                + " use_bias", error(a::done));
        Args f = args("Flatten(1)");
        assertEquals("Flatten takes at most 0 positional arguments but 1 was given; valid arguments: ", error(f::done));
        Args d = args("Dropout(0.1, 2)");
        d.requiredDouble(0, "rate");
        assertEquals("Dropout takes at most 1 positional argument but 2 were given; valid arguments: rate", error(d::done));
    }

    @Test
    void wrongTypesNameWhatWasExpected() {
        assertEquals("Dense: argument 'units' must be a whole number, got 3.5", error(() -> args("Dense(3.5)").requiredInt(0, "units")));
        assertEquals("Dense: argument 'units' must be a whole number, got 'many'",
                error(() -> args("Dense(many)").requiredInt(0, "units")));
        assertEquals("Dense: argument 'units' must be a whole number, got 3000000000",
                error(() -> args("Dense(3000000000)").requiredInt(0, "units")));
        assertEquals("Dense: argument 'use_bias' must be true or false, got 1",
                error(() -> args("Dense(3, use_bias=1)").boolArg("use_bias", true)));
        assertEquals("Dropout: argument 'rate' must be a number, got the tuple (1, 2)",
                error(() -> args("Dropout((1, 2))").requiredDouble(0, "rate")));
        assertEquals("Dense: argument 'activation' must be a word, got the layer Tanh(...)",
                error(() -> args("Dense(3, Tanh())").stringArg(1, "activation", "linear")));
        assertEquals("TimeDistributed: argument 'layer' must be a layer such as Dense(1), got 3",
                error(() -> args("TimeDistributed(3)").layerArg(0, "layer")));
    }

    @Test
    void missingRequiredArguments() {
        assertEquals("Dense: missing required argument 'units' (e.g. Dense(32))", error(() -> args("Dense()").requiredInt(0, "units")));
        assertEquals("Embedding: missing required argument 'output_dim' (e.g. Embedding(output_dim=32))",
                error(() -> args("Embedding(100)").requiredInt(1, "output_dim")));
        assertEquals("Dropout: missing required argument 'rate' (e.g. Dropout(0.5))",
                error(() -> args("Dropout").requiredDouble(0, "rate")));
        assertEquals("TimeDistributed: missing the wrapped layer, argument 'layer' (e.g. TimeDistributed(Dense(1)))",
                error(() -> args("TimeDistributed()").layerArg(0, "layer")));
    }

    @Test
    void anArgumentGivenTwice() {
        assertEquals("Dense: argument 'units' is given both by position and by keyword",
                error(() -> args("Dense(3, units=4)").requiredInt(0, "units")));
        assertEquals("Input: argument 'shape' is given both by position and by keyword",
                error(() -> args("Input(3, shape=(3,))").dims("shape")));
    }

    @Test
    void parsedValuesPrefixTheirErrorsWithLayerAndArgument() {
        assertEquals(Activation.RELU, args("Dense(3, relu)").parsed(1, "activation", Activation.LINEAR, Activation::fromKeras));
        assertEquals(Activation.LINEAR, args("Dense(3)").parsed(1, "activation", Activation.LINEAR, Activation::fromKeras));
        assertEquals("Dense: argument 'activation': unknown activation 'relux'; valid: linear, tanh, sigmoid, relu, softmax",
                error(() -> args("Dense(3, relux)").parsed(1, "activation", Activation.LINEAR, Activation::fromKeras)));
    }

    @Test
    void dimensionsByPositionOrTuple() {
        assertArrayEquals(new int[]{100, 5}, args("Input(100, 5)").dims("shape"));
        assertArrayEquals(new int[]{-1, 8}, args("Input(None, 8)").dims("shape"));
        assertArrayEquals(new int[]{-1, 8}, args("Input(shape=(None, 8))").dims("shape"));
        assertEquals("Input: argument 'shape' must be a tuple such as (100, 5), got 5", error(() -> args("Input(shape=5)").dims("shape")));
        assertEquals("Input: argument 'shape' must be a whole number, got 'x'", error(() -> args("Input(x)").dims("shape")));
    }

    @Test
    void optionalIntegersMayBeNone() {
        assertNull(args("MaxPooling1D(2)").optionalInt(1, "strides"));
        assertNull(args("MaxPooling1D(2, None)").optionalInt(1, "strides"));
        assertEquals(3, args("MaxPooling1D(2, strides=3)").optionalInt(1, "strides"));
    }
}
