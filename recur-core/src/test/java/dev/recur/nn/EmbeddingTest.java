package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingTest {

    private static Tensor ids(double[] values, int batch, int time) {
        return Tensor.of(values, batch, time);
    }

    @Test
    void tenThousandWordsInThirtyTwoDimensionsAre320000Parameters() {
        Embedding e = new Embedding(10000, 32);
        assertArrayEquals(new int[]{100, 32}, e.build(f64(), 100));
        assertEquals(320_000, e.countParams());
        assertEquals("embedding/embeddings", e.parameters().get(0).name());
        assertArrayEquals(new int[]{10000, 32}, e.parameters().get(0).value().shape());
        double max = 0;
        Tensor w = e.parameters().get(0).value();
        for (int i = 0; i < w.size(); i++) {
            max = Math.max(max, Math.abs(w.getFlat(i)));
        }
        assertTrue(max < 0.05 && max > 0.049, "Keras's uniform(-0.05, 0.05), max |w| " + max);
    }

    @Test
    void looksUpOneRowPerId() {
        Embedding e = new Embedding(5, 3);
        e.build(f64(), -1);
        Tensor table = e.parameters().get(0).value();
        Tensor x = ids(new double[]{4, 0, 2, 2, 1, 3}, 2, 3);
        Tensor y = e.forward(Masked.of(x), Context.inference()).value().value();
        assertArrayEquals(new int[]{2, 3, 3}, y.shape());
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                int id = (int) x.get(b, t);
                assertEquals(0.0, y.select(0, b).select(0, t).maxAbsDiff(table.select(0, id)), "step " + b + ", " + t);
            }
        }
        assertNull(e.forward(Masked.of(x), Context.inference()).mask());
    }

    @Test
    void idsMayBeFloat32WhateverTheWeightType() {
        Embedding e = new Embedding(5, 2);
        e.build(f64(), 2);
        Tensor y = e.forward(Masked.of(Tensor.of(new float[]{1, 3}, 1, 2)), Context.inference()).value().value();
        assertEquals(DType.FLOAT64, y.dtype());
    }

    @Test
    void maskZeroMasksThePaddingId() {
        Embedding e = new Embedding(10, 2, true);
        e.build(f64(), 4);
        Masked out = e.forward(Masked.of(ids(new double[]{3, 7, 0, 0, 0, 0, 0, 0}, 2, 4)), Context.inference());
        assertArrayEquals(new double[]{1, 1, 0, 0, 0, 0, 0, 0}, out.mask().toDoubleArray());
        assertEquals(DType.FLOAT64, out.mask().dtype());
        Tensor incoming = Tensor.of(new double[]{1, 0, 1, 1, 1, 1, 1, 1}, 2, 4);
        Masked both = e.forward(new Masked(Variable.constant(ids(new double[]{3, 7, 5, 0, 1, 1, 1, 1}, 2, 4)), incoming),
                Context.inference());
        assertArrayEquals(new double[]{1, 0, 1, 0, 1, 1, 1, 1}, both.mask().toDoubleArray());
    }

    @Test
    void idsMustBeWholeNumbersInRange() {
        Embedding e = new Embedding(10000, 8);
        e.build(f64(), 3);
        assertEquals("Embedding input holds token id 10000 at [1, 2], outside the valid range [0, 10000) of input_dim 10000"
                        + " (input shape [2, 3]). Possible cause: the vocabulary is larger than input_dim",
                error(() -> e.forward(Masked.of(ids(new double[]{1, 2, 3, 4, 5, 10000}, 2, 3)), Context.inference())));
        assertEquals("Embedding input holds token id -1 at [0, 1], outside the valid range [0, 10000) of input_dim 10000"
                        + " (input shape [2, 3]). Possible cause: the vocabulary is larger than input_dim",
                error(() -> e.forward(Masked.of(ids(new double[]{1, -1, 3, 4, 5, 6}, 2, 3)), Context.inference())));
        assertEquals("Embedding input must hold whole-number token ids but element [0, 2] is 0.5 (input shape [2, 3])."
                        + " Possible cause: feature values given to an Embedding; it needs ids from a tokenizer",
                error(() -> e.forward(Masked.of(ids(new double[]{1, 2, 0.5, 4, 5, 6}, 2, 3)), Context.inference())));
        assertEquals("Embedding input must hold whole-number token ids but element [0, 0] is NaN (input shape [2, 3])."
                        + " Possible cause: feature values given to an Embedding; it needs ids from a tokenizer",
                error(() -> e.forward(Masked.of(ids(new double[]{Double.NaN, 2, 3, 4, 5, 6}, 2, 3)), Context.inference())));
        Embedding padded = new Embedding(100, 8, true);
        padded.build(f64(), 2);
        assertEquals("Embedding input holds token id 100 at [0, 1], outside the valid range [0, 100) of input_dim 100"
                        + " (input shape [1, 2]). Possible cause: the vocabulary is larger than input_dim, which must count"
                        + " the padding index 0 (vocabulary size + 1)",
                error(() -> padded.forward(Masked.of(ids(new double[]{0, 100}, 1, 2)), Context.inference())));
    }

    @Test
    void shapeAndConfigurationErrors() {
        assertEquals("Embedding takes token ids of shape [batch, time] but the input shape is (None, 5, 1). Possible cause:"
                + " a trailing feature dimension of 1; give the ids as [batch, time]", error(() -> new Embedding(10, 2).build(f64(), 5, 1)));
        Embedding e = new Embedding(10, 2);
        e.build(f64(), 5);
        assertEquals("Embedding input has shape [2, 5, 1] but needs token ids of shape [batch, time]",
                error(() -> e.forward(Masked.of(Tensor.zeros(2, 5, 1)), Context.inference())));
        assertEquals("Embedding needs input_dim >= 1 (the vocabulary size) and output_dim >= 1 (the vector size), got"
                + " input_dim 0 and output_dim 8", error(() -> new Embedding(0, 8)));
    }

    @Test
    void gradientsReachTheRowsThatWereUsedSummedOverRepeats() {
        Embedding e = new Embedding(6, 3);
        e.build(f64(), 4);
        Tensor x = ids(new double[]{1, 4, 1, 0, 5, 1, 2, 4}, 2, 4); // id 1 three times, 4 twice, 3 never
        LayerCheck.assertGradients("Embedding", () -> e.forward(Masked.of(x), Context.inference()).value(), null, e);
        Tensor grad = e.parameters().get(0).grad();
        assertEquals(0.0, grad.select(0, 3).maxAbsDiff(Tensor.zeros(DType.FLOAT64, 3)), "an unused row gets nothing");
    }

    @Test
    void frozenEmbeddingsReceiveNoGradientAndCountAsNonTrainable() {
        Embedding e = new Embedding(10, 4);
        e.build(f64(), 3);
        e.setTrainable(false);
        assertEquals(40, e.countParams());
        assertEquals(0, e.countTrainableParams());
        assertTrue(e.parameters().isEmpty());
        Variable y = e.forward(Masked.of(ids(new double[]{1, 2, 3}, 1, 3)), Context.inference()).value();
        assertTrue(!y.requiresGrad(), "a frozen lookup records nothing");
        assertEquals("Embedding(10, 4, trainable=false)", e.spec());
    }
}
