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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every layer inherits: building, shape checks, frozen weights, specification helpers. */
class LayerTest {

    @Test
    void buildsOnceAndAcceptsCompatibleShapes() {
        Dense d = new Dense(2);
        assertArrayEquals(new int[]{-1, 2}, d.build(f64(), -1, 3));
        assertArrayEquals(new int[]{-1, 2}, d.build(f64(), 50, 3)); // -1 matches any length
        assertArrayEquals(new int[]{-1, 3}, d.inputShape());
        assertEquals("Dense layer dense was built for inputs of shape (None, None, 3) but received (None, 50, 4). Possible"
                        + " cause: one layer object used in two places; create a new layer for each use",
                error(() -> d.build(f64(), 50, 4)));
        assertEquals("dense (Dense) (None, None, 3) -> (None, None, 2)", d.toString());
    }

    @Test
    void rejectsNonsenseDimensions() {
        assertEquals("Dense layer dense: input shape (None, 0, 3) has a dimension 0; dimensions are positive, or -1 when"
                + " unknown (the batch is excluded)", error(() -> new Dense(2).build(f64(), 0, 3)));
    }

    @Test
    void shapesAreReadOnlyAfterBuild() {
        Flatten f = new Flatten();
        assertEquals("inputShape: layer flatten (Flatten) is not built yet; call build(...) or run it on data first",
                stateError(f::inputShape));
        assertEquals("outputShape: layer flatten (Flatten) is not built yet; call build(...) or run it on data first",
                stateError(f::outputShape));
        assertEquals("flatten (Flatten)", f.toString());
    }

    @Test
    void renamingIsOnlyBeforeBuilding() {
        Dense d = new Dense(2);
        d.setName("head");
        d.build(f64(), 3);
        assertEquals("head/kernel", d.parameters().get(0).name());
        assertEquals("cannot rename layer head to other after it was built: its weights already carry the old name",
                stateError(() -> d.setName("other")));
        assertEquals("layer name must not be blank, got ' '", error(() -> new Dense(1).setName(" ")));
    }

    @Test
    void fullShapeChecksNameTheDimension() {
        Flatten f = new Flatten();
        f.build(f64(), 100, 8);
        assertEquals("Flatten input has 50 steps but the layer was built for 100 (input shape [32, 50, 8]). Possible cause:"
                        + " sequences of another length than the model was built for; pad or cut them to 100 steps",
                error(() -> f.forward(Masked.of(Tensor.zeros(32, 50, 8)), Context.inference())));
        assertEquals("Flatten input has shape [32, 800] (rank 2) but the layer was built for inputs of shape (None, 100, 8)"
                + " (rank 3, batch first)", error(() -> f.forward(Masked.of(Tensor.zeros(32, 800)), Context.inference())));
        Flatten f4 = new Flatten();
        f4.build(f64(), 2, 3, 4);
        assertEquals("Flatten input has size 5 in dimension 2 but the layer was built for 3 (input shape [1, 2, 5, 4],"
                + " built for (None, 2, 3, 4))", error(() -> f4.forward(Masked.of(Tensor.zeros(1, 2, 5, 4)), Context.inference())));
    }

    @Test
    void frozenLayersKeepTheirWeightsOutOfTrainingAndGradients() {
        Dense d = new Dense(2);
        d.build(f64(), 3);
        assertTrue(d.isTrainable());
        d.setTrainable(false);
        assertFalse(d.isTrainable());
        assertTrue(d.parameters().isEmpty());
        assertEquals(2, d.weights().size());
        assertEquals(8, d.countParams());
        assertEquals(0, d.countTrainableParams());
        Variable x = Variable.leaf(randn(1, 2, 3));
        d.forward(Masked.of(x), Context.inference()).value().sum().backward();
        assertEquals(0.0, d.weights().get(0).grad().maxAbsDiff(Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertTrue(x.grad().maxAbsDiff(Tensor.zeros(DType.FLOAT64, 2, 3)) > 0, "the input still gets its gradient");
        d.setTrainable(true);
        assertEquals(8, d.countTrainableParams());
    }

    @Test
    void numbersAreWrittenAsPythonWouldParseThem() {
        assertEquals("0.5", Layer.num(0.5));
        assertEquals("0.001", Layer.num(1e-3));
        assertEquals("1e-05", Layer.num(1e-5));
        assertEquals("2.5e-07", Layer.num(2.5e-7));
        assertEquals("1.0", Layer.num(1));
        assertEquals("-3.0", Layer.num(-3));
        assertEquals("1e+20", Layer.num(1e20));
    }

    @Test
    void batchShapesPrintLikeKeras() {
        assertEquals("(None, 100, 5)", Layer.batchShape(new int[]{100, 5}));
        assertEquals("(None, None, 8)", Layer.batchShape(new int[]{-1, 8}));
        assertEquals("(None,)", Layer.batchShape(new int[0]));
    }
}
