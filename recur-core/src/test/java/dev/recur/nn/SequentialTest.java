package dev.recur.nn;

import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static dev.recur.nn.LayerCheck.stateError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequentialTest {

    @Test
    void namesLayersUniquelyTheKerasWay() {
        Sequential m = new Sequential(new Dense(4), new Dropout(0.5), new Dense(3), new Dense(1), new Dropout(0.1));
        assertEquals(List.of("dense", "dropout", "dense_1", "dense_2", "dropout_1"),
                m.layers().stream().map(Layer::name).toList());
    }

    @Test
    void explicitNamesAreRespectedAndNeverDuplicated() {
        Dense named = new Dense(2);
        named.setName("dense_1");
        Sequential m = new Sequential(named, new Dense(2), new Dense(2), new Dense(2));
        assertEquals(List.of("dense_1", "dense", "dense_2", "dense_3"), m.layers().stream().map(Layer::name).toList());
    }

    @Test
    void aLayerCannotBeAddedTwice() {
        Dense d = new Dense(2);
        Sequential m = new Sequential(d);
        assertEquals("layer dense (Dense) is already in model sequential; a layer owns its weights, so create a new one"
                + " for each use", error(() -> m.add(d)));
    }

    @Test
    void buildsLayerByLayerAndRunsThem() {
        Sequential m = new Sequential(new Dense(4, Activation.TANH), new Dense(2));
        assertFalse(m.isBuilt());
        assertArrayEquals(new int[]{10, 2}, m.build(f64(), 10, 3));
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[]{10, 3}, m.inputShape());
        assertArrayEquals(new int[]{10, 2}, m.outputShape());
        Tensor x = randn(1, 5, 10, 3);
        Tensor expected = x;
        for (Layer l : m.layers()) {
            expected = l.forward(Masked.of(expected), Context.inference()).value().value();
        }
        assertEquals(0.0, m.predict(x).maxAbsDiff(expected));
        assertEquals(4 * 3 + 4 + 2 * 4 + 2, m.countParams());
        assertEquals(4, m.parameters().size());
        assertEquals(List.of("dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"),
                m.weights().stream().map(p -> p.name()).toList());
    }

    @Test
    void predictRecordsNoGradients() {
        Sequential m = new Sequential(new Dense(2));
        m.build(f64(), 3);
        m.predict(randn(1, 4, 3));
        assertEquals(0.0, m.parameters().get(0).grad().maxAbsDiff(Tensor.zeros(DType.FLOAT64, 3, 2)));
    }

    @Test
    void frozenLayersAreCountedButNotTrained() {
        Sequential m = new Sequential(new Dense(4), new Dense(1));
        m.build(f64(), 3);
        m.layers().get(0).setTrainable(false);
        assertEquals(21, m.countParams());
        assertEquals(5, m.countTrainableParams());
        assertEquals(2, m.parameters().size());
        assertEquals(4, m.weights().size());
    }

    @Test
    void callOrderErrors() {
        Sequential empty = new Sequential();
        assertEquals("model sequential has no layers; add at least one before building",
                stateError(() -> empty.build(f64(), 3)));
        Sequential m = new Sequential(new Dense(1));
        assertEquals("forward: model sequential is not built yet; call build(ctx, shape) first (or start its specification"
                + " with Input(...))", stateError(() -> m.predict(Tensor.zeros(2, 3))));
        assertEquals("inputShape: model sequential is not built yet; call build(ctx, shape) first (or start its"
                + " specification with Input(...))", stateError(m::inputShape));
        assertEquals("outputShape: model sequential is not built yet; call build(ctx, shape) first (or start its"
                + " specification with Input(...))", stateError(m::outputShape));
        m.build(f64(), 3);
        assertEquals("cannot add layer Dense to model sequential after it was built", stateError(() -> m.add(new Dense(1))));
    }

    @Test
    void inputsAreCheckedAtTheModelBoundary() {
        Sequential m = new Sequential("forecaster", new Flatten(), new Dense(1));
        m.build(f64(), 5, 1);
        assertEquals("model forecaster was built for inputs of shape (None, 5, 1) but received a batch of shape [8, 6, 1]",
                error(() -> m.predict(Tensor.zeros(DType.FLOAT64, 8, 6, 1))));
        assertEquals("model forecaster was built for inputs of shape (None, 5, 1) but received a batch of shape [8, 5]",
                error(() -> m.predict(Tensor.zeros(DType.FLOAT64, 8, 5))));
    }

    @Test
    void specIncludesTheInputOnceBuiltAndParsesBack() {
        Sequential m = new Sequential(new Conv1D(8, 3, 1, Padding.CAUSAL, 2, Activation.RELU, true), new Dropout(0.25),
                new GlobalMaxPooling1D(), new Dense(1, Activation.SIGMOID));
        assertEquals("Conv1D(8, 3, padding=causal, dilation_rate=2, activation=relu) Dropout(0.25) GlobalMaxPooling1D"
                + " Dense(1, activation=sigmoid)", m.spec());
        m.build(f64(), -1, 4);
        String spec = m.spec();
        assertEquals("Input(None, 4) " + "Conv1D(8, 3, padding=causal, dilation_rate=2, activation=relu) Dropout(0.25)"
                + " GlobalMaxPooling1D Dense(1, activation=sigmoid)", spec);
        Sequential again = LayerRegistry.parseModel(spec).build(f64());
        assertEquals(spec, again.spec());
        assertEquals(m.summary(), again.summary());
    }
}
