package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LayerNormalizationTest {

    @Test
    void goldenValues() {
        // features 1, 2, 3: mean 2, variance 2/3; y = (x - 2) / sqrt(2/3 + 1e-3)
        LayerNormalization ln = new LayerNormalization();
        ln.build(f64(), 3);
        Tensor y = ln.forward(Masked.of(Tensor.of(new double[]{1, 2, 3}, 1, 3)), Context.inference()).value().value();
        double s = Math.sqrt(2.0 / 3 + 1e-3);
        assertArrayEquals(new double[]{-1 / s, 0, 1 / s}, y.toDoubleArray(), 1e-15);
    }

    @Test
    void eachStepHasMeanZeroAndUnitVariance() {
        LayerNormalization ln = new LayerNormalization(1e-9);
        ln.build(f64(), 5, 16);
        Tensor y = ln.forward(Masked.of(randn(1, 3, 5, 16).mul(7).add(3)), Context.inference()).value().value();
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                Tensor step = y.select(0, b).select(0, t).contiguous();
                assertEquals(0.0, step.mean().item(), 1e-12);
                assertEquals(1.0, step.square().mean().item(), 1e-9);
            }
        }
    }

    @Test
    void gammaAndBetaScaleAndShift() {
        LayerNormalization ln = new LayerNormalization();
        ln.build(f64(), 2);
        assertEquals(4, ln.countParams());
        assertEquals("layer_normalization/gamma", ln.weights().get(0).name());
        assertEquals("layer_normalization/beta", ln.weights().get(1).name());
        ln.weights().get(0).value().fill(2);
        ln.weights().get(1).value().fill(10);
        Tensor y = ln.forward(Masked.of(Tensor.of(new double[]{0, 4}, 1, 2)), Context.inference()).value().value();
        double n = 2 / Math.sqrt(4 + 1e-3);
        assertArrayEquals(new double[]{10 - 2 * n, 10 + 2 * n}, y.toDoubleArray(), 1e-12);
    }

    @Test
    void gradientsAndMask() {
        LayerNormalization ln = new LayerNormalization();
        ln.build(f64(), 3, 4);
        ln.weights().get(0).value().copyFrom(randn(5, 4)); // gamma and beta away from their initial values
        ln.weights().get(1).value().copyFrom(randn(6, 4));
        LayerCheck.assertGradients(ln, randn(2, 2, 3, 4), null);
        Tensor mask = Tensor.of(new double[]{1, 0, 0}, 1, 3);
        assertSame(mask, ln.forward(new Masked(Variable.constant(randn(3, 1, 3, 4)), mask), Context.inference()).mask());
    }

    @Test
    void errorsAndSpec() {
        assertEquals("LayerNormalization epsilon must be a small positive number (it keeps the division away from zero), got 0.0",
                error(() -> new LayerNormalization(0)));
        assertEquals("LayerNormalization needs a known last input dimension, got input shape (None, 4, None)",
                error(() -> new LayerNormalization().build(f64(), 4, -1)));
        assertEquals("LayerNormalization", new LayerNormalization().spec());
        assertEquals("LayerNormalization(epsilon=1e-06)", new LayerNormalization(1e-6).spec());
    }
}
