package dev.recur.tensor;

import org.junit.jupiter.api.Test;

import static dev.recur.tensor.TensorAssertions.assertElements;
import static dev.recur.tensor.TensorAssertions.coordinates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views share data (reshape of a dense tensor, transpose, slice, select, unsqueeze); copies do not. */
class TensorViewTest {

    /** [2, 3, 4] holding 0..23. */
    private static Tensor iota() {
        float[] v = new float[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Tensor.of(v, 2, 3, 4);
    }

    @Test
    void reshapeOfADenseTensorIsAView() {
        Tensor t = iota();
        Tensor r = t.reshape(6, 4);
        assertArrayEquals(new int[]{6, 4}, r.shape());
        assertArrayEquals(new int[]{4, 1}, r.strides());
        assertSame(t.floats(), r.floats(), "shares data");
        r.set(-5, 5, 3);
        assertEquals(-5, t.get(1, 2, 3));
    }

    @Test
    void reshapeInfersOneDimension() {
        Tensor t = iota();
        assertArrayEquals(new int[]{6, 4}, t.reshape(-1, 4).shape());
        assertArrayEquals(new int[]{2, 12}, t.reshape(2, -1).shape());
        assertArrayEquals(new int[]{24}, t.reshape(-1).shape());
        assertArrayEquals(new int[]{2, 3, 2, 2}, t.reshape(2, 3, -1, 2).shape());
        assertArrayEquals(new int[]{1}, Tensor.scalar(3).reshape(-1).shape());
        assertArrayEquals(new int[0], Tensor.zeros(1, 1).reshape().shape());
        assertArrayEquals(new int[]{0, 3}, Tensor.zeros(0, 6).reshape(-1, 3).shape());
    }

    @Test
    void reshapeRejectsTwoInferredDimensions() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(-1, -1));
        assertEquals("reshape [2, 3] -> [-1, -1]: only one dimension may be -1", e.getMessage());
    }

    @Test
    void reshapeRejectsSizesThatDoNotFit() {
        Tensor t = Tensor.zeros(2, 3);
        var fixed = assertThrows(IllegalArgumentException.class, () -> t.reshape(4, 2));
        assertEquals("reshape [2, 3] -> [4, 2]: 6 elements do not fit 8", fixed.getMessage());
        var inferred = assertThrows(IllegalArgumentException.class, () -> t.reshape(4, -1));
        assertEquals("reshape [2, 3] -> [4, -1]: 6 elements cannot be split into rows of 4 to infer the -1",
                inferred.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).reshape(0, -1));
        assertEquals("reshape [0, 3] -> [0, -1]: 0 elements cannot be split into rows of 0 to infer the -1",
                zero.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> t.reshape(-2, -3));
        assertEquals("reshape [2, 3] -> [-2, -3]: dimension 0 is -2; sizes must be >= 0, or -1 for one inferred size",
                negative.getMessage());
    }

    @Test
    void reshapeOfANonContiguousViewCopies() {
        Tensor t = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor tt = t.t(); // [3, 2]: 1 4 / 2 5 / 3 6
        Tensor r = tt.reshape(6);
        assertNotSame(t.floats(), r.floats());
        assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, r.toFloatArray());
        r.set(100, 0);
        assertEquals(1, t.get(0, 0), "the copy is independent");
    }

    @Test
    void reshapeOfAnOffsetViewKeepsTheOffset() {
        Tensor row = iota().select(0, 1); // [3, 4] starting at 12, dense
        Tensor r = row.reshape(12);
        assertSame(row.floats(), r.floats());
        assertEquals(12, r.offset());
        assertEquals(12, r.get(0));
        assertEquals(23, r.get(11));
    }

    @Test
    void transposeIsAViewWithSwappedStrides() {
        Tensor t = iota();
        Tensor v = t.transpose(0, 2); // [4, 3, 2]
        assertArrayEquals(new int[]{4, 3, 2}, v.shape());
        assertArrayEquals(new int[]{1, 4, 12}, v.strides());
        assertSame(t.floats(), v.floats());
        assertFalse(v.isContiguous());
        for (int[] i : coordinates(4, 3, 2)) {
            assertEquals(t.get(i[2], i[1], i[0]), v.get(i));
        }
        assertArrayEquals(new int[]{2, 4, 3}, t.transpose(-1, -2).shape());
        assertSame(t.floats(), t.transpose(1, 1).floats());
        v.set(-7, 3, 0, 1);
        assertEquals(-7, t.get(1, 0, 3), "writes go through the view");
    }

    @Test
    void tOfAMatrix() {
        Tensor m = Tensor.of(new double[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor mt = m.t();
        assertArrayEquals(new int[]{3, 2}, mt.shape());
        assertArrayEquals(new int[]{1, 3}, mt.strides());
        assertSame(m.doubles(), mt.doubles());
        assertEquals(6, mt.get(2, 1));
        assertEquals(4, mt.get(0, 1));
        assertTrue(mt.t().isContiguous());
        var e = assertThrows(IllegalArgumentException.class, () -> iota().t());
        assertEquals("t(): expected a matrix but the shape is [2, 3, 4]", e.getMessage());
    }

    @Test
    void transposeChecksDimensions() {
        var e = assertThrows(IllegalArgumentException.class, () -> iota().transpose(0, 3));
        assertEquals("transpose: dimension 3 is out of range for a tensor of rank 3 (valid: -3..2)", e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> iota().transpose(-4, 0));
        assertEquals("transpose: dimension -4 is out of range for a tensor of rank 3 (valid: -3..2)", n.getMessage());
    }

    @Test
    void sliceIsAViewAtAnOffset() {
        Tensor t = iota();
        Tensor s = t.slice(1, 1, 3); // [2, 2, 4]
        assertArrayEquals(new int[]{2, 2, 4}, s.shape());
        assertArrayEquals(t.strides(), s.strides());
        assertEquals(4, s.offset());
        assertSame(t.floats(), s.floats());
        for (int[] i : coordinates(2, 2, 4)) {
            assertEquals(t.get(i[0], i[1] + 1, i[2]), s.get(i));
        }
        Tensor last = t.slice(-1, 2, 4);
        assertArrayEquals(new int[]{2, 3, 2}, last.shape());
        assertEquals(2, last.get(0, 0, 0));
        assertEquals(23, last.get(1, 2, 1));
        assertArrayEquals(new int[]{0, 3, 4}, t.slice(0, 1, 1).shape(), "empty slices are allowed");
        s.set(99, 0, 0, 0);
        assertEquals(99, t.get(0, 1, 0));
    }

    @Test
    void sliceChecksItsRange() {
        Tensor t = Tensor.zeros(3, 4);
        var beyond = assertThrows(IllegalArgumentException.class, () -> t.slice(1, 2, 5));
        assertEquals("slice: range [2, 5) along dimension 1 is outside [0, 4) of shape [3, 4]", beyond.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> t.slice(0, -1, 2));
        assertEquals("slice: range [-1, 2) along dimension 0 is outside [0, 3) of shape [3, 4]", negative.getMessage());
        var reversed = assertThrows(IllegalArgumentException.class, () -> t.slice(-1, 3, 1));
        assertEquals("slice: start 3 is after end 1 along dimension -1 of shape [3, 4]", reversed.getMessage());
        var dim = assertThrows(IllegalArgumentException.class, () -> t.slice(2, 0, 1));
        assertEquals("slice: dimension 2 is out of range for a tensor of rank 2 (valid: -2..1)", dim.getMessage());
    }

    @Test
    void selectRemovesADimension() {
        Tensor t = iota();
        Tensor s = t.select(1, 2); // [2, 4]
        assertArrayEquals(new int[]{2, 4}, s.shape());
        assertArrayEquals(new int[]{12, 1}, s.strides());
        assertSame(t.floats(), s.floats());
        assertElements(new int[]{2, 4}, new double[]{8, 9, 10, 11, 20, 21, 22, 23}, s, 0);
        Tensor col = t.select(-1, 1); // [2, 3], stride 4
        assertElements(new int[]{2, 3}, new double[]{1, 5, 9, 13, 17, 21}, col, 0);
        Tensor scalar = t.select(0, 1).select(0, 2).select(0, 3);
        assertEquals(0, scalar.rank());
        assertEquals(23, scalar.item());
    }

    @Test
    void selectChecksItsIndex() {
        Tensor t = Tensor.zeros(3, 4);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> t.select(0, 3));
        assertEquals("select: index 3 along dimension 0 is out of bounds for shape [3, 4]", e.getMessage());
        var n = assertThrows(IndexOutOfBoundsException.class, () -> t.select(-1, -1));
        assertEquals("select: index -1 along dimension -1 is out of bounds for shape [3, 4]", n.getMessage());
        var dim = assertThrows(IllegalArgumentException.class, () -> t.select(2, 0));
        assertEquals("select: dimension 2 is out of range for a tensor of rank 2 (valid: -2..1)", dim.getMessage());
    }

    @Test
    void unsqueezeInsertsADimensionOfOne() {
        Tensor t = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new int[]{1, 2, 3}, t.unsqueeze(0).shape());
        assertArrayEquals(new int[]{2, 1, 3}, t.unsqueeze(1).shape());
        assertArrayEquals(new int[]{2, 3, 1}, t.unsqueeze(2).shape());
        assertArrayEquals(new int[]{2, 3, 1}, t.unsqueeze(-1).shape());
        assertArrayEquals(new int[]{1, 2, 3}, t.unsqueeze(-3).shape());
        assertArrayEquals(new int[]{1}, Tensor.scalar(1).unsqueeze(0).shape());
        Tensor u = t.unsqueeze(1);
        assertSame(t.floats(), u.floats());
        assertTrue(u.isContiguous());
        assertEquals(6, u.get(1, 0, 2));
        Tensor ut = t.t().unsqueeze(0); // [1, 3, 2] over a transposed view
        assertEquals(4, ut.get(0, 0, 1));
        assertEquals(6, ut.get(0, 2, 1));
    }

    @Test
    void unsqueezeChecksTheDimension() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).unsqueeze(2));
        assertEquals("unsqueeze: dimension 2 is out of range for a tensor of rank 1 (valid: -2..1)", e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).unsqueeze(-3));
        assertEquals("unsqueeze: dimension -3 is out of range for a tensor of rank 1 (valid: -2..1)", n.getMessage());
    }

    @Test
    void contiguousCopiesOnlyWhenNeeded() {
        Tensor t = iota();
        assertSame(t, t.contiguous());
        Tensor row = t.select(0, 1);
        assertSame(row, row.contiguous(), "a dense view at an offset is already contiguous");
        Tensor v = t.transpose(1, 2);
        Tensor c = v.contiguous();
        assertNotSame(v, c);
        assertTrue(c.isContiguous());
        assertEquals(0, c.offset());
        assertArrayEquals(new int[]{2, 4, 3}, c.shape());
        for (int[] i : coordinates(2, 4, 3)) {
            assertEquals(v.get(i), c.get(i));
        }
        Tensor sliced = t.slice(2, 1, 3);
        assertFalse(sliced.isContiguous());
        assertElements(new int[]{2, 3, 2}, new double[]{1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22}, sliced.contiguous(), 0);
    }
}
