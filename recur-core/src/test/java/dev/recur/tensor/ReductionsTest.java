package dev.recur.tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.recur.tensor.TensorAssertions.assertElements;
import static dev.recur.tensor.TensorAssertions.coordinates;
import static dev.recur.tensor.TensorAssertions.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sums, means, maxima, argmax, sumTo (the gradient of broadcasting). */
class ReductionsTest {

    private static double tol(DType type) {
        return type == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumOfAllElements(DType type) {
        Tensor x = random(1, type, 3, 4, 5);
        double want = 0;
        for (int i = 0; i < x.size(); i++) {
            want += x.getFlat(i);
        }
        Tensor s = x.sum();
        assertEquals(0, s.rank());
        assertEquals(type, s.dtype());
        assertEquals(want, s.item(), tol(type));
        assertEquals(want, x.transpose(0, 2).sum().item(), tol(type), "a non-contiguous view sums the same");
        assertEquals(0.0, Tensor.zeros(type, 0, 3).sum().item());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumAlongEachDimension(DType type) {
        Tensor x = random(2, type, 2, 3, 4);
        for (int dim = -3; dim < 3; dim++) {
            int a = dim < 0 ? dim + 3 : dim;
            int[] shape = x.shape();
            int[] reduced = new int[2];
            for (int i = 0, j = 0; i < 3; i++) {
                if (i != a) {
                    reduced[j++] = shape[i];
                }
            }
            Tensor s = x.sum(dim);
            assertArrayEquals(reduced, s.shape(), "sum(" + dim + ")");
            for (int[] r : coordinates(reduced)) {
                double want = 0;
                for (int k = 0; k < shape[a]; k++) {
                    int[] full = new int[3];
                    for (int i = 0, j = 0; i < 3; i++) {
                        full[i] = i == a ? k : r[j++];
                    }
                    want += x.get(full);
                }
                assertEquals(want, s.get(r), tol(type));
            }
        }
    }

    @Test
    void sumOfViewsAndEdgeCases() {
        Tensor m = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        assertElements(new int[]{2}, new double[]{6, 15}, m.t().sum(0), 0);
        assertElements(new int[]{3}, new double[]{5, 7, 9}, m.t().sum(1), 0);
        assertElements(new int[]{2}, new double[]{5, 11}, m.slice(1, 1, 3).sum(-1), 0);
        assertElements(new int[]{3}, new double[]{0, 0, 0}, Tensor.zeros(0, 3).sum(0), 0);
        assertEquals(21, m.reshape(6).sum(0).item());
        var e = assertThrows(IllegalArgumentException.class, () -> m.sum(2));
        assertEquals("sum: dimension 2 is out of range for a tensor of rank 2 (valid: -2..1)", e.getMessage());
    }

    @Test
    void meanDividesOnce() {
        Tensor d = Tensor.of(new double[]{1, 2, 4}, 3);
        assertEquals(7.0 / 3, d.mean().item());
        float[] v = {0.1f, 0.7f, 0.3f, 0.9f, 0.2f, 0.4f, 0.8f};
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        Tensor f = Tensor.of(v, 7);
        assertEquals(DType.FLOAT32, f.mean().dtype());
        assertEquals((float) (sum / 7), f.mean().item(), 0.0, "the float32 mean is rounded once");
        assertEquals(f.mean().item(), Tensor.of(v, 7, 1).t().mean().item());
        assertEquals(Double.NaN, Tensor.zeros(0).mean().item(), "the mean of nothing is NaN, as in NumPy");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maxAlongADimension(DType type) {
        Tensor x = Tensor.of(new double[]{-3, -1, -2, 5, 0, -7}, 2, 3).to(type);
        assertElements(new int[]{2}, new double[]{-1, 5}, x.max(1), 0);
        assertElements(new int[]{2}, new double[]{-1, 5}, x.max(-1), 0);
        assertElements(new int[]{3}, new double[]{5, 0, -2}, x.max(0), 0);
        assertElements(new int[]{3}, new double[]{5, 0, -2}, x.t().max(1), 0);
        assertEquals(type, x.max(0).dtype());
        Tensor inf = Tensor.full(type, Double.NEGATIVE_INFINITY, 2, 2);
        assertElements(new int[]{2}, new double[]{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, inf.max(1), 0);
        Tensor cube = random(3, type, 2, 3, 4);
        Tensor m = cube.max(1);
        for (int[] i : coordinates(2, 4)) {
            double want = Math.max(cube.get(i[0], 0, i[1]), Math.max(cube.get(i[0], 1, i[1]), cube.get(i[0], 2, i[1])));
            assertEquals(want, m.get(i));
        }
    }

    @Test
    void maxOfAnEmptyDimensionFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).max(1));
        assertEquals("max: dimension 1 of shape [2, 0] is empty", e.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).max(-3));
        assertEquals("max: dimension -3 is out of range for a tensor of rank 2 (valid: -2..1)", d.getMessage());
    }

    @Test
    void argmaxOverTheLastDimension() {
        Tensor x = Tensor.of(new float[]{0, 3, 3, 1, 9, -1, 2, 2, 2}, 3, 3);
        assertArrayEquals(new int[]{1, 1, 0}, x.argmax(), "ties go to the first");
        assertArrayEquals(new int[]{2, 1, 0}, x.t().argmax()); // columns: [0, 1, 2], [3, 9, 2], [3, -1, 2]
        assertArrayEquals(new int[]{2}, Tensor.of(new double[]{-5, -4, -1}, 3).argmax());
        Tensor cube = random(4, DType.FLOAT64, 2, 3, 5);
        int[] am = cube.argmax();
        assertEquals(6, am.length);
        for (int r = 0; r < 6; r++) {
            Tensor row = cube.reshape(6, 5).select(0, r);
            for (int c = 0; c < 5; c++) {
                assertEquals(true, row.get(c) <= row.get(am[r]));
            }
        }
        Tensor negInf = Tensor.of(new float[]{Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 1, 2);
        assertArrayEquals(new int[]{0}, negInf.argmax());
    }

    @Test
    void argmaxNeedsALastDimension() {
        var s = assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1).argmax());
        assertEquals("argmax: tensor of shape [] has no last dimension to search", s.getMessage());
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 0).argmax());
        assertEquals("argmax: tensor of shape [3, 0] has no last dimension to search", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumToUndoesEveryBroadcast(DType type) {
        Tensor g = random(5, type, 2, 3, 4);
        for (int[] target : List.of(new int[]{3, 4}, new int[]{4}, new int[]{1, 4}, new int[]{2, 1, 4},
                new int[]{2, 3, 1}, new int[]{3, 1}, new int[]{1, 1, 1}, new int[]{1}, new int[0], new int[]{2, 1, 1})) {
            Tensor s = g.sumTo(target);
            assertArrayEquals(target, s.shape());
            assertEquals(type, s.dtype());
            // each target element is the sum of the gradient elements that read it when broadcasting
            double[] want = new double[Shapes.size(target)];
            for (int[] i : coordinates(2, 3, 4)) {
                int flat = 0;
                for (int d = 0; d < target.length; d++) {
                    int coord = target[d] == 1 ? 0 : i[3 - target.length + d];
                    flat = flat * target[d] + coord;
                }
                want[flat] += g.get(i);
            }
            assertElements(target, want, s, tol(type));
        }
        assertSame(g, g.sumTo(2, 3, 4), "the same shape needs no sum");
    }

    @Test
    void sumToOfViews() {
        Tensor m = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        assertElements(new int[]{1, 2}, new double[]{6, 15}, m.t().sumTo(1, 2), 0);
        assertElements(new int[]{3, 1}, new double[]{5, 7, 9}, m.t().sumTo(3, 1), 0);
    }

    @Test
    void sumToRejectsShapesThatDidNotBroadcast() {
        Tensor g = Tensor.zeros(2, 3, 4);
        var trailing = assertThrows(IllegalArgumentException.class, () -> g.sumTo(5));
        assertEquals("sumTo: shape [2, 3, 4] cannot be summed down to [5] because [5] does not broadcast to [2, 3, 4];"
                + " the target must match the trailing dimensions, with 1 where they were stretched", trailing.getMessage());
        var middle = assertThrows(IllegalArgumentException.class, () -> g.sumTo(2, 3));
        assertEquals("sumTo: shape [2, 3, 4] cannot be summed down to [2, 3] because [2, 3] does not broadcast to"
                + " [2, 3, 4]; the target must match the trailing dimensions, with 1 where they were stretched",
                middle.getMessage());
        var larger = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).sumTo(2, 3, 4));
        assertEquals("sumTo: shape [3, 4] cannot be summed down to [2, 3, 4] because [2, 3, 4] does not broadcast to"
                + " [3, 4]; the target must match the trailing dimensions, with 1 where they were stretched",
                larger.getMessage());
        var grow = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1, 4).sumTo(3, 4));
        assertEquals("sumTo: shape [1, 4] cannot be summed down to [3, 4] because [3, 4] does not broadcast to"
                + " [1, 4]; the target must match the trailing dimensions, with 1 where they were stretched",
                grow.getMessage());
    }
}
