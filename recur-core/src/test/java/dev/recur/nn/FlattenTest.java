package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FlattenTest {

    @Test
    void flattensEachExampleInRowMajorOrder() {
        Flatten f = new Flatten();
        assertArrayEquals(new int[]{6}, f.build(f64(), 3, 2));
        Tensor x = randn(1, 4, 3, 2);
        Tensor y = f.forward(Masked.of(x), Context.inference()).value().value();
        assertArrayEquals(new int[]{4, 6}, y.shape());
        assertArrayEquals(x.toDoubleArray(), y.toDoubleArray());
        Flatten scalar = new Flatten();
        assertArrayEquals(new int[]{1}, scalar.build(f64()));
        assertArrayEquals(new int[]{5, 1}, scalar.forward(Masked.of(randn(2, 5)), Context.inference()).value().value().shape());
    }

    @Test
    void dropsTheMaskAndPassesGradients() {
        Flatten f = new Flatten();
        f.build(f64(), 2, 3);
        Masked in = new Masked(Variable.constant(randn(3, 2, 2, 3)), Tensor.of(new double[]{1, 0, 1, 1}, 2, 2));
        assertNull(f.forward(in, Context.inference()).mask());
        LayerCheck.assertGradients(f, randn(4, 2, 2, 3), null);
    }

    @Test
    void inputFiveByOneFlattenDenseHasSixParameters() {
        assertEquals(6, LayerRegistry.parseModel("Input(5, 1) Flatten Dense(1)").build(f64()).countParams());
    }

    @Test
    void needsKnownDimensions() {
        assertEquals("Flatten needs every input dimension known, got input shape (None, None, 8). Possible cause: an unknown"
                + " sequence length; declare it, e.g. Input(100, 8), or use GlobalAveragePooling1D / GlobalMaxPooling1D"
                + " instead", error(() -> new Flatten().build(f64(), -1, 8)));
    }
}
