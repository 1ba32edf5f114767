package dev.recur.tensor;

import org.junit.jupiter.api.Test;

import static dev.recur.tensor.TensorAssertions.assertElements;
import static dev.recur.tensor.TensorAssertions.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** concat, stack and gather (embedding lookup). */
class TensorJoinTest {

    private static final Tensor A = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
    private static final Tensor B = Tensor.of(new float[]{7, 8, 9, 10, 11, 12}, 2, 3);

    @Test
    void concatAlongEachDimension() {
        assertElements(new int[]{4, 3}, new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, Tensor.concat(0, A, B), 0);
        double[] byColumns = {1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12};
        assertElements(new int[]{2, 6}, byColumns, Tensor.concat(1, A, B), 0);
        assertElements(new int[]{2, 6}, byColumns, Tensor.concat(-1, A, B), 0);
        assertElements(new int[]{4, 3}, new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, Tensor.concat(-2, A, B), 0);
    }

    @Test
    void concatOfUnequalLengthsAndViews() {
        Tensor c = Tensor.of(new float[]{0, -1}, 2, 1);
        Tensor strided = Tensor.of(new float[]{1, 4, 2, 5, 3, 6}, 3, 2).t(); // A's values, non-contiguous
        Tensor joined = Tensor.concat(1, strided, c, B.slice(1, 2, 3));
        assertElements(new int[]{2, 5}, new double[]{1, 2, 3, 0, 9, 4, 5, 6, -1, 12}, joined, 0);
        Tensor one = Tensor.concat(0, A);
        assertElements(new int[]{2, 3}, new double[]{1, 2, 3, 4, 5, 6}, one, 0);
        one.set(100, 0, 0);
        assertEquals(1, A.get(0, 0), "concat copies");
    }

    @Test
    void concatOfFloat64() {
        Tensor x = Tensor.of(new double[]{0.1, 0.2}, 1, 2);
        Tensor y = Tensor.of(new double[]{0.3, 0.4}, 1, 2);
        Tensor c = Tensor.concat(0, x, y);
        assertEquals(DType.FLOAT64, c.dtype());
        assertArrayEquals(new double[]{0.1, 0.2, 0.3, 0.4}, c.doubles());
    }

    @Test
    void concatErrors() {
        var none = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0));
        assertEquals("concat: no tensors given", none.getMessage());
        var shape = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, A, Tensor.zeros(2, 4)));
        assertEquals("concat along dimension 0: shapes [2, 3] and [2, 4] differ in dimension 1", shape.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(-1, A, Tensor.zeros(3, 3)));
        assertEquals("concat along dimension -1: shapes [2, 3] and [3, 3] differ in dimension 0", negative.getMessage());
        var rank = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, A, Tensor.zeros(3)));
        assertEquals("concat: shapes [2, 3] and [3] have different ranks", rank.getMessage());
        var type = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, A, Tensor.zeros(DType.FLOAT64, 2, 3)));
        assertEquals("concat: element types differ (float32 [2, 3] and float64 [2, 3]); convert one with to(DType)",
                type.getMessage());
        var dim = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(2, A, B));
        assertEquals("concat: dimension 2 is out of range for a tensor of rank 2 (valid: -2..1)", dim.getMessage());
    }

    @Test
    void stackAlongANewDimension() {
        Tensor s0 = Tensor.stack(0, A, B);
        assertElements(new int[]{2, 2, 3}, new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, s0, 0);
        Tensor s1 = Tensor.stack(1, A, B);
        assertElements(new int[]{2, 2, 3}, new double[]{1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12}, s1, 0);
        double[] last = {1, 7, 2, 8, 3, 9, 4, 10, 5, 11, 6, 12};
        assertElements(new int[]{2, 3, 2}, last, Tensor.stack(2, A, B), 0);
        assertElements(new int[]{2, 3, 2}, last, Tensor.stack(-1, A, B), 0);
        assertElements(new int[]{2, 2, 3}, new double[]{1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12}, Tensor.stack(-2, A, B), 0);
        assertElements(new int[]{2}, new double[]{1, 2}, Tensor.stack(0, Tensor.scalar(1), Tensor.scalar(2)), 0);
    }

    @Test
    void stackErrors() {
        var none = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(0));
        assertEquals("stack: no tensors given", none.getMessage());
        var shape = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(0, A, Tensor.zeros(3, 2)));
        assertEquals("stack: shapes [2, 3] and [3, 2] differ; stacked tensors must have one shape", shape.getMessage());
        var type = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(0, A, Tensor.zeros(DType.FLOAT64, 2, 3)));
        assertEquals("stack: element types differ (float32 and float64); convert one with to(DType)", type.getMessage());
        var dim = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(3, A, B));
        assertEquals("stack: dimension 3 is out of range for a tensor of rank 3 (valid: -3..2)", dim.getMessage());
        var neg = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(-4, A, B));
        assertEquals("stack: dimension -4 is out of range for a tensor of rank 3 (valid: -3..2)", neg.getMessage());
    }

    @Test
    void gatherPicksEmbeddingRows() {
        Tensor table = Tensor.of(new float[]{0, 1, 10, 11, 20, 21, 30, 31, 40, 41}, 5, 2);
        Tensor out = table.gather(new int[]{4, 0, 4, 2}, 2, 2); // [batch 2, time 2] token ids
        assertElements(new int[]{2, 2, 2}, new double[]{40, 41, 0, 1, 40, 41, 20, 21}, out, 0);
        out.set(-1, 0, 0, 0);
        assertEquals(40, table.get(4, 0), "gather copies");
        Tensor one = table.gather(new int[]{3}); // a single index of shape []
        assertElements(new int[]{2}, new double[]{30, 31}, one, 0);
        Tensor empty = table.gather(new int[0], 0);
        assertArrayEquals(new int[]{0, 2}, empty.shape());
    }

    @Test
    void gatherFromFloat64AndFromViews() {
        Tensor table = random(3, DType.FLOAT64, 4, 6);
        int[] idx = {2, 2, 0, 3, 1, 0};
        Tensor out = table.gather(idx, 3, 2);
        assertEquals(DType.FLOAT64, out.dtype());
        for (int i = 0; i < idx.length; i++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(table.get(idx[i], c), out.get(i / 2, i % 2, c));
            }
        }
        Tensor transposed = table.t(); // [6, 4] rows are columns of table: strided
        Tensor fromView = transposed.gather(new int[]{5, 1}, 2);
        for (int c = 0; c < 4; c++) {
            assertEquals(table.get(c, 5), fromView.get(0, c));
            assertEquals(table.get(c, 1), fromView.get(1, c));
        }
        Tensor sliced = table.slice(1, 2, 5).gather(new int[]{3}, 1); // row 3, columns 2..4: a dense run at an offset
        assertElements(new int[]{1, 3}, new double[]{table.get(3, 2), table.get(3, 3), table.get(3, 4)}, sliced, 0);
    }

    @Test
    void gatherNamesTheBadIndexAndTheValidRange() {
        Tensor table = Tensor.zeros(5, 2);
        var high = assertThrows(IndexOutOfBoundsException.class, () -> table.gather(new int[]{1, 5, 0}, 3));
        assertEquals("gather: index 5 at position 1 is outside the table's 5 rows (valid: 0..4)", high.getMessage());
        var low = assertThrows(IndexOutOfBoundsException.class, () -> table.gather(new int[]{-1}, 1));
        assertEquals("gather: index -1 at position 0 is outside the table's 5 rows (valid: 0..4)", low.getMessage());
    }

    @Test
    void gatherChecksTableAndIndexShape() {
        var rank = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(5).gather(new int[]{0}, 1));
        assertEquals("gather: expected a [rows, cols] table but the shape is [5]", rank.getMessage());
        var count = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(5, 2).gather(new int[]{0, 1, 2}, 2, 2));
        assertEquals("gather indices: 3 values do not fill shape [2, 2] (4 elements)", count.getMessage());
    }
}
