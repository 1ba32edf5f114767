package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ActivationLayerTest {

    @Test
    void appliesTheFunctionAndKeepsTheMask() {
        ActivationLayer a = new ActivationLayer(Activation.RELU);
        a.build(f64(), 2, 2);
        Tensor mask = Tensor.of(new double[]{1, 0}, 1, 2);
        Masked out = a.forward(new Masked(Variable.constant(Tensor.of(new double[]{-1, 2, 0.5, -3}, 1, 2, 2)), mask),
                Context.inference());
        assertArrayEquals(new double[]{0, 2, 0.5, 0}, out.value().value().toDoubleArray());
        assertSame(mask, out.mask());
        assertEquals("activation", a.name());
        assertEquals("Activation(relu)", a.spec());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradients(Activation act) {
        ActivationLayer a = new ActivationLayer(act);
        a.build(f64(), 3, 4);
        LayerCheck.assertGradients(a, randn(7, 2, 3, 4), null);
    }

    @Test
    void kerasNames() {
        assertEquals(Activation.LINEAR, Activation.fromKeras("None"));
        assertEquals(Activation.SIGMOID, Activation.fromKeras("Sigmoid"));
        assertEquals("unknown activation 'gelu'; valid: linear, tanh, sigmoid, relu, softmax", error(() -> Activation.fromKeras("gelu")));
    }
}
