package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static dev.recur.nn.LayerCheck.stateError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseTest {

    @Test
    void goldenValuesFromConstantWeights() {
        // kernel all 0.5, bias 0: each output is half the sum of the inputs; tanh(0.5 * (1 + 1)) = tanh(1) = 0.7616
        Dense d = new Dense(2, Activation.TANH, true, Initializers.constant(0.5));
        d.build(f64(), 2);
        Tensor y = d.forward(Masked.of(Tensor.of(new double[]{1, 1, 0, 0}, 2, 2)), Context.inference()).value().value();
        assertArrayEquals(new double[]{Math.tanh(1), Math.tanh(1), 0, 0}, y.toDoubleArray(), 1e-15);
        assertEquals(0.7616, y.get(0, 0), 1e-4);
    }

    @Test
    void actsOnEveryStepOfASequence() {
        Dense d = new Dense(4, Activation.SIGMOID);
        assertArrayEquals(new int[]{7, 4}, d.build(f64(), 7, 3));
        Tensor x = randn(1, 2, 7, 3);
        Tensor y = d.forward(Masked.of(x), Context.inference()).value().value();
        assertArrayEquals(new int[]{2, 7, 4}, y.shape());
        for (int t = 0; t < 7; t++) {
            Tensor step = d.forward(Masked.of(x.select(1, t).contiguous()), Context.inference()).value().value();
            assertEquals(0.0, step.maxAbsDiff(y.select(1, t).contiguous()), 1e-15, "step " + t);
        }
    }

    @Test
    void keepsTheMask() {
        Dense d = new Dense(2);
        d.build(f64(), 3, 2);
        Tensor mask = Tensor.of(new double[]{1, 1, 0}, 1, 3);
        assertSame(mask, d.forward(new Masked(Variable.constant(randn(2, 1, 3, 2)), mask), Context.inference()).mask());
    }

    @Test
    void parametersFollowKerasLayoutAndCount() {
        Dense d = new Dense(3);
        d.build(f64(), 5);
        assertEquals(18, d.countParams()); // 5 * 3 + 3
        assertEquals("dense/kernel", d.parameters().get(0).name());
        assertArrayEquals(new int[]{5, 3}, d.parameters().get(0).value().shape());
        assertEquals("dense/bias", d.parameters().get(1).name());
        assertEquals(0.0, d.parameters().get(1).value().maxAbsDiff(Tensor.zeros(DType.FLOAT64, 3)));
        Dense noBias = new Dense(3, Activation.LINEAR, false, Initializers.glorotUniform());
        noBias.build(f64(), 5);
        assertEquals(15, noBias.countParams());
    }

    @Test
    void gradientsThroughMatricesAndSequences() {
        Dense d = new Dense(3, Activation.TANH);
        d.build(f64(), 4);
        LayerCheck.assertGradients(d, randn(3, 2, 4), null);
        Dense seq = new Dense(2, Activation.SIGMOID);
        seq.build(f64(), 3, 4);
        LayerCheck.assertGradients(seq, randn(4, 2, 3, 4), null);
        Dense one = new Dense(1, Activation.TANH);
        one.build(f64(), 1, 2); // T = 1, batch = 1
        LayerCheck.assertGradients(one, Tensor.of(new double[]{0.3, -0.7}, 1, 1, 2), null);
    }

    @Test
    void wrongFeaturesAreNamedWithTheInputShape() {
        Dense d = new Dense(2);
        d.build(f64(), 100, 3);
        assertEquals("Dense input has 5 features per step but the layer was built for 3 (input shape [32, 100, 5]).",
                error(() -> d.forward(Masked.of(Tensor.zeros(DType.FLOAT64, 32, 100, 5)), Context.inference())));
        Dense flat = new Dense(2);
        flat.build(f64(), 3);
        assertEquals("Dense input has 4 features but the layer was built for 3 (input shape [8, 4]).",
                error(() -> flat.forward(Masked.of(Tensor.zeros(DType.FLOAT64, 8, 4)), Context.inference())));
        assertEquals("Dense input has shape [3] but needs a batch dimension first, e.g. [batch, features]",
                error(() -> flat.forward(Masked.of(Tensor.zeros(DType.FLOAT64, 3)), Context.inference())));
    }

    @Test
    void wrongElementTypeIsNamed() {
        Dense d = new Dense(2);
        d.build(f64(), 3);
        assertEquals("Dense input is float32 but the layer's weights are float64; convert the input with to(DType.FLOAT64)"
                        + " or build the layer with that element type",
                error(() -> d.forward(Masked.of(Tensor.zeros(DType.FLOAT32, 2, 3)), Context.inference())));
    }

    @Test
    void configurationErrors() {
        assertEquals("Dense units must be at least 1, got 0", error(() -> new Dense(0)));
        assertEquals("Dense needs a known last input dimension, got input shape (None, 5, None). Possible cause:"
                + " a Flatten or Input with an unknown size before it", error(() -> new Dense(2).build(f64(), 5, -1)));
        assertEquals("Dense needs a known last input dimension, got input shape (None,). Possible cause:"
                + " a Flatten or Input with an unknown size before it", error(() -> new Dense(2).build(f64())));
        assertEquals("forward: layer dense (Dense) is not built yet; call build(...) or run it on data first",
                stateError(() -> new Dense(2).forward(Masked.of(Tensor.zeros(2, 3)), Context.inference())));
    }

    @Test
    void specWritesOnlyWhatDiffersFromKerasDefaults() {
        assertEquals("Dense(3)", new Dense(3).spec());
        assertEquals("Dense(1, activation=sigmoid)", new Dense(1, Activation.SIGMOID).spec());
        assertEquals("Dense(2, activation=relu, use_bias=false)",
                new Dense(2, Activation.RELU, false, Initializers.zeros()).spec());
        Dense frozen = new Dense(2);
        frozen.setTrainable(false);
        assertEquals("Dense(2, trainable=false)", frozen.spec());
    }

    @Test
    void float32MatchesFloat64() {
        Dense d64 = new Dense(3, Activation.TANH);
        Dense d32 = new Dense(3, Activation.TANH);
        d64.build(f64(), 4);
        d32.build(LayerCheck.f32(), 4);
        Tensor x = randn(5, 6, 4);
        Tensor y64 = d64.forward(Masked.of(x), Context.inference()).value().value();
        Tensor y32 = d32.forward(Masked.of(x.to(DType.FLOAT32)), Context.inference()).value().value();
        assertTrue(y32.to(DType.FLOAT64).allClose(y64, 1e-5, 1e-6), y32 + " vs " + y64);
    }
}
