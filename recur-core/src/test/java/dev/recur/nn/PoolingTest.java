package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PoolingTest {

    private static Tensor seq(double... values) { // [1, T, 1]
        return Tensor.of(values, 1, values.length, 1);
    }

    private static double[] run(Layer l, Tensor x, Tensor mask) {
        return l.forward(new Masked(Variable.constant(x), mask), Context.inference()).value().value().toDoubleArray();
    }

    @Test
    void maxPoolingGoldenValues() {
        MaxPooling1D p = new MaxPooling1D();
        assertArrayEquals(new int[]{2, 1}, p.build(f64(), 5, 1));
        assertArrayEquals(new double[]{3, 4}, run(p, seq(1, 3, 4, -2, 9), null)); // the last step is dropped (valid)
        MaxPooling1D same = new MaxPooling1D(2, 2, Padding.SAME);
        assertArrayEquals(new int[]{3, 1}, same.build(f64(), 5, 1));
        assertArrayEquals(new double[]{3, 4, 9}, run(same, seq(1, 3, 4, -2, 9), null));
        MaxPooling1D overlapping = new MaxPooling1D(3, 1, Padding.VALID);
        overlapping.build(f64(), 5, 1);
        assertArrayEquals(new double[]{4, 4, 9}, run(overlapping, seq(1, 3, 4, -2, 9), null));
        MaxPooling1D negatives = new MaxPooling1D(3, 2, Padding.SAME); // TF's same: windows cut short, never padded with 0
        negatives.build(f64(), 4, 1);
        assertArrayEquals(new double[]{-1, -3}, run(negatives, seq(-5, -1, -4, -3), null));
    }

    @ParameterizedTest
    @CsvSource({"2, 2, valid, 7", "3, 1, valid, 6", "2, 2, same, 7", "3, 2, same, 6", "1, 1, valid, 1"})
    void maxPoolingGradients(int pool, int stride, String padding, int steps) {
        MaxPooling1D p = new MaxPooling1D(pool, stride, Padding.fromKeras(padding));
        p.build(f64(), steps, 3);
        LayerCheck.assertGradients(p, randn(pool + steps, 2, steps, 3), null);
    }

    @Test
    void maxPoolingDropsTheMask() {
        MaxPooling1D p = new MaxPooling1D();
        p.build(f64(), 4, 1);
        assertNull(p.forward(new Masked(Variable.constant(seq(1, 2, 3, 4)), Tensor.of(new double[]{1, 1, 1, 0}, 1, 4)),
                Context.inference()).mask());
    }

    @Test
    void globalMaxLeavesMaskedStepsOut() {
        GlobalMaxPooling1D g = new GlobalMaxPooling1D();
        assertArrayEquals(new int[]{2}, g.build(f64(), -1, 2));
        Tensor x = Tensor.of(new double[]{1, -5, 7, -6, 2, -7, /* row 2 */ 0, 0, 0, 0, 0, 0}, 2, 3, 2);
        assertArrayEquals(new double[]{7, -5, 0, 0}, run(g, x, null));
        Tensor mask = Tensor.of(new double[]{1, 0, 1, 0, 0, 0}, 2, 3);
        assertArrayEquals(new double[]{2, -5, 0, 0}, run(g, x, mask)); // step 1 (7, -6) is padding; row 2 fully masked
        Variable in = Variable.leaf(x);
        g.forward(new Masked(in, mask), Context.inference()).value().sum().backward();
        assertArrayEquals(new double[]{0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, in.grad().toDoubleArray());
    }

    @Test
    void globalMaxGradients() {
        GlobalMaxPooling1D g = new GlobalMaxPooling1D();
        g.build(f64(), 5, 3);
        LayerCheck.assertGradients(g, randn(1, 2, 5, 3), null);
        LayerCheck.assertGradients(g, randn(2, 2, 5, 3), Tensor.of(new double[]{1, 1, 0, 1, 0, 0, 0, 0, 0, 0}, 2, 5));
    }

    @Test
    void globalAverageOverRealStepsOnly() {
        GlobalAveragePooling1D g = new GlobalAveragePooling1D();
        assertArrayEquals(new int[]{1}, g.build(f64(), 4, 1));
        Tensor x = Tensor.of(new double[]{1, 2, 3, 6, 4, 4, 100, 100}, 2, 4, 1);
        assertArrayEquals(new double[]{3, 52}, run(g, x, null));
        assertArrayEquals(new double[]{2, 4}, run(g, x, Tensor.of(new double[]{1, 1, 1, 0, 1, 1, 0, 0}, 2, 4)));
        assertArrayEquals(new double[]{3, 0}, run(g, x, Tensor.of(new double[]{1, 1, 1, 1, 0, 0, 0, 0}, 2, 4)));
        assertArrayEquals(new double[]{2, 4}, run(g, x, Tensor.of(new float[]{1, 1, 1, 0, 1, 1, 0, 0}, 2, 4)));
    }

    @Test
    void globalAverageGradients() {
        GlobalAveragePooling1D g = new GlobalAveragePooling1D();
        g.build(f64(), 4, 3);
        LayerCheck.assertGradients(g, randn(3, 2, 4, 3), null);
        LayerCheck.assertGradients(g, randn(4, 2, 4, 3), Tensor.of(new double[]{1, 0, 1, 0, 0, 0, 0, 0}, 2, 4));
    }

    @Test
    void errorsAndSpecs() {
        assertEquals("MaxPooling1D needs pool_size and strides of at least 1, got pool_size 0 and strides 1",
                error(() -> new MaxPooling1D(0, 1, Padding.VALID)));
        assertEquals("MaxPooling1D padding must be valid or same, got causal", error(() -> new MaxPooling1D(2, 2, Padding.CAUSAL)));
        assertEquals("MaxPooling1D input has 1 steps, fewer than pool_size 2 (input shape (None, 1, 3)). Possible cause:"
                + " sequences shorter than the window; use padding=same", error(() -> new MaxPooling1D().build(f64(), 1, 3)));
        MaxPooling1D p = new MaxPooling1D(3);
        p.build(f64(), -1, 1);
        assertEquals("MaxPooling1D input has 2 steps, fewer than pool_size 3 (input shape [1, 2, 1]). Possible cause:"
                + " sequences shorter than the window; use padding=same", error(() -> run(p, seq(1, 2), null)));
        assertEquals("MaxPooling1D needs sequences [batch, time, channels] but the input shape is (None, 4)",
                error(() -> new MaxPooling1D().build(f64(), 4)));
        assertEquals("GlobalMaxPooling1D needs sequences [batch, time, channels] but the input shape is (None, 4)",
                error(() -> new GlobalMaxPooling1D().build(f64(), 4)));
        assertEquals("GlobalAveragePooling1D needs sequences [batch, time, channels] but the input shape is (None, 4)",
                error(() -> new GlobalAveragePooling1D().build(f64(), 4)));
        assertEquals("MaxPooling1D(2)", new MaxPooling1D().spec());
        assertEquals("MaxPooling1D(3, strides=1, padding=same)", new MaxPooling1D(3, 1, Padding.SAME).spec());
        assertEquals("GlobalAveragePooling1D", new GlobalAveragePooling1D().spec());
        assertEquals("GlobalMaxPooling1D", new GlobalMaxPooling1D().spec());
    }

    @Test
    void float32Inputs() {
        GlobalMaxPooling1D g = new GlobalMaxPooling1D();
        g.build(LayerCheck.f32(), 3, 1);
        Tensor y = g.forward(Masked.of(seq(1, 5, 2).to(DType.FLOAT32)), Context.inference()).value().value();
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals(5.0, y.item());
    }
}
