package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    @Test
    void aStepIsMaskedWhenAllItsFeaturesEqualTheMaskValue() {
        Masking m = new Masking();
        m.build(f64(), 3, 2);
        Tensor x = Tensor.of(new double[]{1, 2, 0, 0, 0, 5, /* row 2 */ 0, 0, 0, 0, -0.0, 0}, 2, 3, 2);
        Masked out = m.forward(Masked.of(x), Context.inference());
        assertArrayEquals(new double[]{1, 0, 1, 0, 0, 0}, out.mask().toDoubleArray());
        assertEquals(0.0, out.value().value().maxAbsDiff(x));
    }

    @Test
    void maskedStepsOutputZerosForAnyMaskValue() {
        Masking m = new Masking(-1);
        m.build(f64(), 2, 2);
        Tensor x = Tensor.of(new double[]{-1, -1, 3, -1}, 1, 2, 2);
        Masked out = m.forward(Masked.of(x), Context.inference());
        assertArrayEquals(new double[]{0, 1}, out.mask().toDoubleArray());
        assertArrayEquals(new double[]{0, 0, 3, -1}, out.value().value().toDoubleArray(), 0.0); // -1 * 0 is -0.0
        Masking m32 = new Masking(-1);
        m32.build(LayerCheck.f32(), 2, 2);
        assertEquals(DType.FLOAT32, m32.forward(Masked.of(x.to(DType.FLOAT32)), Context.inference()).mask().dtype());
    }

    @Test
    void gradientFlowsOnlyThroughRealSteps() {
        Masking m = new Masking(0.5);
        m.build(f64(), 3, 2);
        Tensor x = Tensor.of(new double[]{0.5, 0.5, 0.1, 0.9, 0.5, 0.3, 0.2, 0.3, 0.5, 0.5, 0.7, 0.5}, 2, 3, 2);
        Variable in = Variable.leaf(x);
        m.forward(Masked.of(in), Context.inference()).value().sum().backward();
        assertArrayEquals(new double[]{0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1}, in.grad().toDoubleArray());
    }

    @Test
    void gradientCheckAwayFromTheMaskValue() {
        // a step exactly at the mask value is a discontinuity (nudging it unmasks the step), so check elsewhere
        Masking m = new Masking(0.5);
        m.build(f64(), 3, 2);
        LayerCheck.assertGradients(m, LayerCheck.randn(8, 2, 3, 2), null);
    }

    @Test
    void errors() {
        assertEquals("Masking mask_value must be a number, got NaN (NaN equals nothing, so no step would ever be masked)",
                error(() -> new Masking(Double.NaN)));
        assertEquals("Masking needs sequences [batch, time, features] but the input shape is (None, 4)",
                error(() -> new Masking().build(f64(), 4)));
        assertEquals("Masking(mask_value=-1.0)", new Masking(-1).spec());
        assertEquals("Masking", new Masking(0).spec());
    }
}
