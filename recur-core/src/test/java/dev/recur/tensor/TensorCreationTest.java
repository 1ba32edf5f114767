package dev.recur.tensor;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.random.RandomGenerator;

import static dev.recur.tensor.TensorAssertions.assertElements;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creation, description, element access, copies and type conversion. */
class TensorCreationTest {

    @Test
    void zerosIsDenseFloat32ByDefault() {
        Tensor t = Tensor.zeros(2, 3, 4);
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(new int[]{2, 3, 4}, t.shape());
        assertArrayEquals(new int[]{12, 4, 1}, t.strides());
        assertEquals(3, t.rank());
        assertEquals(24, t.size());
        assertEquals(0, t.offset());
        assertTrue(t.isContiguous());
        assertEquals(24, t.floats().length);
        for (int i = 0; i < 24; i++) {
            assertEquals(0.0, t.getFlat(i));
        }
    }

    @Test
    void zerosOfFloat64() {
        Tensor t = Tensor.zeros(DType.FLOAT64, 3, 2);
        assertEquals(DType.FLOAT64, t.dtype());
        assertEquals(6, t.doubles().length);
        assertArrayEquals(new int[]{2, 1}, t.strides());
    }

    @Test
    void shapeAndStridesAreCopies() {
        Tensor t = Tensor.zeros(2, 3);
        t.shape()[0] = 99;
        t.strides()[0] = 99;
        assertArrayEquals(new int[]{2, 3}, t.shape());
        assertArrayEquals(new int[]{3, 1}, t.strides());
        int[] shape = {4, 5};
        Tensor u = Tensor.zeros(shape);
        shape[0] = 1;
        assertArrayEquals(new int[]{4, 5}, u.shape(), "the caller's shape array is copied");
    }

    @Test
    void negativeDimensionIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
        assertEquals("shape [2, -1] has a negative dimension", e.getMessage());
    }

    @Test
    void tooManyElementsIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(65536, 65536));
        assertEquals("shape [65536, 65536] has more than 2^31-1 elements", e.getMessage());
    }

    @Test
    void fullRoundsToTheElementType() {
        Tensor f = Tensor.full(DType.FLOAT32, 0.1, 2, 2);
        Tensor d = Tensor.full(DType.FLOAT64, 0.1, 2, 2);
        for (int i = 0; i < 4; i++) {
            assertEquals((float) 0.1, f.getFlat(i));
            assertEquals(0.1, d.getFlat(i));
        }
    }

    @Test
    void scalarsHaveRankZero() {
        Tensor s = Tensor.scalar(2.5);
        assertEquals(DType.FLOAT32, s.dtype());
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertArrayEquals(new int[0], s.shape());
        assertArrayEquals(new int[0], s.strides());
        assertEquals(2.5, s.item());
        assertEquals(2.5, s.get());
        Tensor d = Tensor.scalar(DType.FLOAT64, 0.1);
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(0.1, d.item());
        assertEquals("Tensor(float64, [], [0.1])", d.toString());
    }

    @Test
    void ofWrapsTheArrayWithoutCopying() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(data, 2, 3);
        assertSame(data, t.floats());
        assertEquals(6, t.get(1, 2));
        data[5] = 60;
        assertEquals(60, t.get(1, 2));
        t.set(-1, 0, 1);
        assertEquals(-1, data[1]);

        double[] dd = {1, 2};
        Tensor u = Tensor.of(dd, 2);
        assertSame(dd, u.doubles());
        assertEquals(DType.FLOAT64, u.dtype());
    }

    @Test
    void ofRejectsALengthThatDoesNotFillTheShape() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertEquals("Tensor.of: 5 values do not fill shape [2, 3] (6 elements)", e.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[7], 2, 3));
        assertEquals("Tensor.of: 7 values do not fill shape [2, 3] (6 elements)", d.getMessage());
    }

    @Test
    void uniformDrawsFromTheGeneratorInRowMajorOrder() {
        Tensor t = Tensor.uniform(new Random(7), DType.FLOAT64, -2, 3, 4, 5);
        Random same = new Random(7);
        for (int i = 0; i < 20; i++) {
            double v = t.getFlat(i);
            assertEquals(-2 + 5 * same.nextDouble(), v);
            assertTrue(v >= -2 && v < 3);
        }
        Tensor f = Tensor.uniform(new Random(7), DType.FLOAT32, -2, 3, 4, 5);
        assertEquals(DType.FLOAT32, f.dtype());
        assertTrue(f.allClose(t, 1e-6, 1e-6));
    }

    @Test
    void uniformStaysBelowTheUpperBoundInFloat32() {
        RandomGenerator largest = new RandomGenerator() { // nextDouble() at its maximum, 1 - 2^-53
            @Override
            public long nextLong() {
                return -1L;
            }
        };
        assertEquals(Math.nextDown(1.0), largest.nextDouble());
        Tensor f = Tensor.uniform(largest, DType.FLOAT32, 0, 1, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.nextDown(1f), f.getFlat(i), 0.0, "(float) (1 - 2^-53) would round up to 1");
        }
        Tensor d = Tensor.uniform(largest, DType.FLOAT64, 0, 1, 1);
        assertEquals(Math.nextDown(1.0), d.item());
    }

    @Test
    void normalHasTheRequestedMeanAndDeviation() {
        Tensor t = Tensor.normal(new Random(11), DType.FLOAT64, 3.0, 0.5, 100, 200);
        Random same = new Random(11);
        assertEquals(3.0 + 0.5 * same.nextGaussian(), t.getFlat(0));
        double mean = t.mean().item();
        double var = t.sub(Tensor.scalar(DType.FLOAT64, mean)).square().mean().item();
        assertEquals(3.0, mean, 0.01); // standard error 0.5 / sqrt(20000) = 0.0035
        assertEquals(0.5, Math.sqrt(var), 0.01);
        Tensor f = Tensor.normal(new Random(11), DType.FLOAT32, 3.0, 0.5, 3);
        assertEquals(DType.FLOAT32, f.dtype());
    }

    @Test
    void dimCountsFromTheEndWhenNegative() {
        Tensor t = Tensor.zeros(2, 3, 4);
        assertEquals(4, t.dim(-1));
        assertEquals(2, t.dim(-3));
        assertEquals(3, t.dim(1));
        var e = assertThrows(IllegalArgumentException.class, () -> t.dim(3));
        assertEquals("dim: dimension 3 is out of range for a tensor of rank 3 (valid: -3..2)", e.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1).dim(0));
        assertEquals("dim: dimension 0 is out of range for a tensor of rank 0 (a scalar has no dimensions)", s.getMessage());
    }

    @Test
    void hasShapeAndShapeString() {
        Tensor t = Tensor.zeros(32, 100, 5);
        assertTrue(t.hasShape(32, 100, 5));
        assertFalse(t.hasShape(32, 100));
        assertEquals("[32, 100, 5]", t.shapeString());
    }

    @Test
    void getAndSetByCoordinates() {
        Tensor t = Tensor.zeros(DType.FLOAT64, 2, 3);
        t.set(7.5, 1, 2);
        assertEquals(7.5, t.get(1, 2));
        assertEquals(7.5, t.getFlat(5));
        t.setFlat(3, -1);
        assertEquals(-1, t.get(1, 0));
    }

    @Test
    void coordinatesAreChecked() {
        Tensor t = Tensor.zeros(2, 3);
        var count = assertThrows(IllegalArgumentException.class, () -> t.get(1));
        assertEquals("index [1] has 1 coordinates but the tensor has shape [2, 3]", count.getMessage());
        var bounds = assertThrows(IndexOutOfBoundsException.class, () -> t.set(1, 2, 0));
        assertEquals("index [2, 0] is out of bounds for shape [2, 3]", bounds.getMessage());
        var negative = assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, -1));
        assertEquals("index [0, -1] is out of bounds for shape [2, 3]", negative.getMessage());
    }

    @Test
    void itemNeedsOneElement() {
        assertEquals(4, Tensor.full(DType.FLOAT32, 4, 1, 1).item());
        var e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
        assertEquals("item(): tensor of shape [2] has 2 elements, not 1", e.getMessage());
    }

    @Test
    void rawArraysMatchTheType() {
        var f = assertThrows(IllegalStateException.class, () -> Tensor.zeros(DType.FLOAT64, 2).floats());
        assertEquals("floats(): tensor is float64; use doubles() or to(DType.FLOAT32)", f.getMessage());
        var d = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).doubles());
        assertEquals("doubles(): tensor is float32; use floats() or to(DType.FLOAT64)", d.getMessage());
    }

    @Test
    void fillOfAViewTouchesOnlyTheView() {
        Tensor t = Tensor.zeros(3, 4);
        t.slice(1, 1, 3).fill(5); // non-contiguous: columns 1 and 2
        t.select(0, 2).fill(-1); // contiguous row, at an offset
        assertElements(new int[]{3, 4}, new double[]{0, 5, 5, 0, 0, 5, 5, 0, -1, -1, -1, -1}, t, 0);
    }

    @Test
    void arraysFollowRowMajorOrderOfTheView() {
        Tensor t = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3).t();
        assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, t.toFloatArray());
        assertArrayEquals(new double[]{1, 4, 2, 5, 3, 6}, t.toDoubleArray());
    }

    @Test
    void copySharesNothing() {
        Tensor t = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2);
        Tensor c = t.copy();
        assertNotSame(t.floats(), c.floats());
        c.set(9, 0, 0);
        assertEquals(1, t.get(0, 0));
        Tensor ct = t.t().copy();
        assertTrue(ct.isContiguous());
        assertArrayEquals(new float[]{1, 3, 2, 4}, ct.floats());
    }

    @Test
    void toConvertsBetweenFloat32AndFloat64() {
        Tensor d = Tensor.of(new double[]{0.1, -2.5, 1e-3, 3}, 2, 2);
        Tensor f = d.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new int[]{2, 2}, f.shape());
        assertArrayEquals(new float[]{0.1f, -2.5f, 1e-3f, 3f}, f.floats());
        Tensor back = f.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, back.dtype());
        assertArrayEquals(new double[]{0.1f, -2.5f, 1e-3f, 3f}, back.doubles(), "float to double is exact");
        assertSame(d, d.to(DType.FLOAT64), "same type: no copy");
        Tensor view = d.t().to(DType.FLOAT32); // a transposed view converts in its own order
        assertArrayEquals(new float[]{0.1f, 1e-3f, -2.5f, 3f}, view.floats());
    }

    @Test
    void copyFromConvertsAndChecksShape() {
        Tensor dst = Tensor.zeros(DType.FLOAT64, 2, 2);
        dst.copyFrom(Tensor.of(new float[]{1, 2, 3, 4}, 2, 2).t());
        assertArrayEquals(new double[]{1, 3, 2, 4}, dst.doubles());
        var e = assertThrows(IllegalArgumentException.class, () -> dst.copyFrom(Tensor.zeros(4)));
        assertEquals("copyFrom: source shape [4] differs from destination shape [2, 2]", e.getMessage());
    }

    @Test
    void allCloseAndMaxAbsDiff() {
        Tensor a = Tensor.of(new double[]{1, 2, Double.POSITIVE_INFINITY}, 3);
        Tensor b = Tensor.of(new double[]{1, 2.001, Double.POSITIVE_INFINITY}, 3);
        assertTrue(a.allClose(b, 1e-3, 0));
        assertFalse(a.allClose(b, 1e-4, 0));
        assertFalse(a.allClose(Tensor.zeros(DType.FLOAT64, 2), 1, 1), "shapes differ");
        assertFalse(Tensor.of(new double[]{Double.NaN}, 1).allClose(Tensor.of(new double[]{Double.NaN}, 1), 1, 1));
        assertEquals(0.001, a.slice(0, 0, 2).maxAbsDiff(b.slice(0, 0, 2)), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> a.maxAbsDiff(Tensor.zeros(2)));
        assertEquals("maxAbsDiff: shapes [3] and [2] differ", e.getMessage());
    }

    @Test
    void toStringShowsTypeShapeAndFirstValues() {
        assertEquals("Tensor(float32, [2], [1.0, 2.0])", Tensor.of(new float[]{1, 2}, 2).toString());
        assertEquals("Tensor(float32, [20], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, ...])",
                Tensor.zeros(20).toString());
    }
}
