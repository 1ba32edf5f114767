package dev.recur.nn.spec;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Embedding;
import dev.recur.nn.Flatten;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;
import dev.recur.nn.TimeDistributed;
import dev.recur.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerRegistryTest {

    private static final BuildContext CTX = new BuildContext(DType.FLOAT64, new SplittableRandom(1));

    private static Layer layer(String spec) {
        return LayerRegistry.create(SpecParser.parse(spec).get(0));
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> LayerRegistry.parseModel(spec)).getMessage();
    }

    /** Each layer's spec() parses back to a layer with the same spec(), written in the canonical form. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Dense(3)|Dense(3)",
            "Dense(units=3, activation=None)|Dense(3)",
            "Dense(1, sigmoid, use_bias=False)|Dense(1, activation=sigmoid, use_bias=false)",
            "Embedding(10000, 32)|Embedding(10000, 32)",
            "Embedding(input_dim=100, output_dim=8, mask_zero=True, trainable=False)|Embedding(100, 8, mask_zero=true, trainable=false)",
            "Masking|Masking",
            "Masking(0)|Masking",
            "Masking(mask_value=-1)|Masking(mask_value=-1.0)",
            "Dropout(0.5)|Dropout(0.5)",
            "Dropout(rate=0)|Dropout(0.0)",
            "Flatten()|Flatten",
            "TimeDistributed(Dense(1))|TimeDistributed(Dense(1))",
            "TimeDistributed(layer=Dense(4, activation=relu, trainable=false))|TimeDistributed(Dense(4, activation=relu, trainable=false))",
            "TimeDistributed(Dense(2), trainable=false)|TimeDistributed(Dense(2, trainable=false))",
            "LayerNormalization|LayerNormalization",
            "LayerNormalization(epsilon=1e-5)|LayerNormalization(epsilon=1e-05)",
            "Conv1D(16, 3)|Conv1D(16, 3)",
            "Conv1D(16, 3, 2, same, dilation_rate=1, activation=relu)|Conv1D(16, 3, strides=2, padding=same, activation=relu)",
            "Conv1D(filters=4, kernel_size=2, padding='causal', dilation_rate=4, use_bias=false)|Conv1D(4, 2, padding=causal, dilation_rate=4, use_bias=false)",
            "MaxPooling1D|MaxPooling1D(2)",
            "MaxPooling1D(3, None, same)|MaxPooling1D(3, padding=same)",
            "MaxPool1D(pool_size=4, strides=2)|MaxPooling1D(4, strides=2)",
            "GlobalMaxPooling1D|GlobalMaxPooling1D",
            "GlobalMaxPool1D()|GlobalMaxPooling1D",
            "GlobalAveragePooling1D|GlobalAveragePooling1D",
            "GlobalAvgPool1D|GlobalAveragePooling1D",
            "Activation(relu)|Activation(relu)",
            "Activation(activation='softmax')|Activation(softmax)",
            "Activation(linear, trainable=false)|Activation(linear, trainable=false)",
    })
    void specsRoundTrip(String written, String canonical) {
        Layer l = layer(written);
        assertEquals(canonical, l.spec());
        assertEquals(canonical, layer(canonical).spec());
    }

    @Test
    void everyLayerHereIsRegisteredWithItsKerasNameAndAliases() {
        assertTrue(LayerRegistry.types().containsAll(List.of("Activation", "Conv1D", "Dense", "Dropout", "Embedding",
                "Flatten", "GlobalAveragePooling1D", "GlobalAvgPool1D", "GlobalMaxPool1D", "GlobalMaxPooling1D",
                "LayerNormalization", "MaxPool1D", "MaxPooling1D", "Masking", "TimeDistributed")), LayerRegistry.types()::toString);
    }

    @Test
    void buildsModelsWithTheDeclaredInput() {
        LayerRegistry.ModelSpec ms = LayerRegistry.parseModel("Input(5, 1) Flatten Dense(1)");
        assertArrayEquals(new int[]{5, 1}, ms.inputShape());
        assertFalse(ms.model().isBuilt());
        Sequential m = ms.build(CTX);
        assertTrue(m.isBuilt());
        assertEquals(6, m.countParams());
        assertInstanceOf(Flatten.class, m.layers().get(0));
        assertArrayEquals(new int[]{-1, 8}, LayerRegistry.parseModel("Input(shape=(None, 8)) Dense(2)").inputShape());
    }

    @Test
    void withoutInputTheModelIsBuiltByTheCaller() {
        LayerRegistry.ModelSpec ms = LayerRegistry.parseModel("Dense(2) Dense(1)");
        assertNull(ms.inputShape());
        assertEquals("the model specification declares no Input(...), so its input shape is unknown; call"
                        + " model().build(ctx, shape), or start the specification with e.g. Input(100, 5)",
                assertThrows(IllegalStateException.class, () -> ms.build(CTX)).getMessage());
        ms.model().build(CTX, 3);
        assertEquals(11, ms.model().countParams());
    }

    @Test
    void trainableFalseWorksForEveryLayer() {
        Sequential m = LayerRegistry.parseModel("Input(3) Dense(4, trainable=false) Dense(1)").build(CTX);
        assertEquals(21, m.countParams());
        assertEquals(5, m.countTrainableParams());
        assertEquals("Input(3) Dense(4, trainable=false) Dense(1)", m.spec());
        assertFalse(layer("TimeDistributed(Dense(2), trainable=false)").isTrainable());
        Layer td = layer("TimeDistributed(Dense(2, trainable=false))");
        assertFalse(((TimeDistributed) td).layer().isTrainable());
    }

    @Test
    void unknownLayersListTheValidOnes() {
        String e = error("Input(3) Dense(2) Transformer(4)");
        assertTrue(e.startsWith("unknown layer 'Transformer' at column 19; valid layers: Input, Activation, Bidirectional, Conv1D, Dense, "), e);
        assertTrue(e.contains(", TimeDistributed"), e);
        assertEquals("unknown layer 'dense' at column 1 (names are case-sensitive: did you mean Dense?); valid layers: Input, "
                + String.join(", ", LayerRegistry.types()), error("dense(3)"));
        assertEquals("unknown layer 'Flaten' at column 13 (did you mean Flatten?); valid layers: Input, "
                + String.join(", ", LayerRegistry.types()), error("Input(5, 1) Flaten Dense(1)"));
    }

    @Test
    void badArgumentsAreReportedByLayer() {
        assertEquals("Dense: unknown argument 'unit' (did you mean units?); valid arguments: units, activation, use_bias, trainable",
                error("Dense(3, unit=3)"));
        assertEquals("Dense: missing required argument 'units' (e.g. Dense(32)); given instead: 'unit'", error("Dense(unit=3)"));
        assertEquals("Conv1D: argument 'padding': unknown padding 'full'; valid: valid, same, causal", error("Conv1D(4, 3, padding=full)"));
        assertEquals("Activation: missing required argument 'activation' (e.g. Activation(relu))", error("Activation()"));
        assertEquals("Embedding: argument 'trainable' must be true or false, got 'no'", error("Embedding(10, 2, trainable=no)"));
        assertEquals("Dense units must be at least 1, got -3", error("Dense(-3)"));
    }

    @Test
    void inputMustComeFirstAndMakeSense() {
        assertEquals("Input(...) may only start a model specification, but one is at column 10", error("Dense(3) Input(3)"));
        assertEquals("Input(...) may only start a model specification, but one is at column 17",
                error("TimeDistributed(Input(3))"));
        assertEquals("Input needs positive dimensions (batch excluded, None if unknown), e.g. Input(100, 5), got Input(0, 5)",
                error("Input(0, 5) Dense(1)"));
        assertEquals("Input needs positive dimensions (batch excluded, None if unknown), e.g. Input(100, 5), got Input()",
                error("Input() Dense(1)"));
        assertEquals("model specification \"Input(3)\" has no layers after Input", error("Input(3)"));
        assertEquals("Input: unknown argument 'dtype'; valid arguments: shape", error("Input(3, dtype=float32) Dense(1)"));
    }

    @Test
    void customLayersCanBeRegistered() {
        LayerRegistry.register("TestDouble", a -> new Dense(2 * a.requiredInt(0, "units")));
        assertEquals(6, ((Dense) layer("TestDouble(3)")).units());
        assertTrue(LayerRegistry.types().contains("TestDouble"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Embedding(10000, 32)", "Input(100) Embedding(10000, 32)"})
    void embeddingOfTenThousandWordsInThirtyTwoDimensions(String spec) {
        Sequential m = LayerRegistry.parseModel(spec).model();
        m.build(CTX, 100);
        assertEquals(320_000, m.countParams());
        assertInstanceOf(Embedding.class, m.layers().get(0));
    }
}
