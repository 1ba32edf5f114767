package dev.recur.tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.function.Function;

import static dev.recur.tensor.TensorAssertions.assertElements;
import static dev.recur.tensor.TensorAssertions.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** softmax, logSoftmax and logSumExp over the last dimension: definitions and numerical stability. */
class SoftmaxTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    private static double tol(DType type) {
        return type == DType.FLOAT32 ? 1e-6 : 1e-14;
    }

    /** The textbook definitions, for inputs small enough not to overflow: exp(x) / sum(exp(x)). */
    private static double[] naiveSoftmax(double[] row) {
        double total = 0;
        for (double v : row) {
            total += Math.exp(v);
        }
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = Math.exp(row[i]) / total;
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void matchesTheDefinitionRowByRow(DType type) {
        Tensor x = random(1, type, 2, 3, 5).mul(3);
        Tensor sm = x.softmax();
        Tensor lsm = x.logSoftmax();
        Tensor lse = x.logSumExp();
        assertArrayEquals(new int[]{2, 3, 5}, sm.shape());
        assertArrayEquals(new int[]{2, 3, 5}, lsm.shape());
        assertArrayEquals(new int[]{2, 3}, lse.shape());
        Tensor rows = x.reshape(6, 5);
        for (int r = 0; r < 6; r++) {
            double[] row = rows.select(0, r).toDoubleArray();
            double[] want = naiveSoftmax(row);
            double sumExp = 0;
            for (double v : row) {
                sumExp += Math.exp(v);
            }
            assertEquals(Math.log(sumExp), lse.getFlat(r), tol(type));
            for (int c = 0; c < 5; c++) {
                assertEquals(want[c], sm.getFlat(r * 5 + c), tol(type));
                assertEquals(Math.log(want[c]), lsm.getFlat(r * 5 + c), 10 * tol(type));
            }
        }
        assertEquals(type, sm.dtype());
        assertEquals(type, lse.dtype());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nonContiguousInputs(DType type) {
        Tensor x = random(2, type, 4, 3);
        Tensor xt = x.t(); // [3, 4] strided
        Tensor dense = xt.contiguous();
        assertEquals(0.0, xt.softmax().maxAbsDiff(dense.softmax()));
        assertEquals(0.0, xt.logSoftmax().maxAbsDiff(dense.logSoftmax()));
        assertEquals(0.0, xt.logSumExp().maxAbsDiff(dense.logSumExp()));
        Tensor slice = x.slice(0, 1, 3); // dense rows at an offset
        assertEquals(0.0, slice.softmax().maxAbsDiff(slice.copy().softmax()));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void largeInputsDoNotOverflow(DType type) {
        Tensor x = Tensor.of(new double[]{1000, 1001, 1002, -1000, -999, -998}, 2, 3).to(type);
        double[] shifted = naiveSoftmax(new double[]{0, 1, 2});
        Tensor sm = x.softmax();
        assertElements(new int[]{2, 3}, new double[]{shifted[0], shifted[1], shifted[2], shifted[0], shifted[1],
                shifted[2]}, sm, tol(type));
        double lse012 = Math.log(Math.exp(0) + Math.exp(1) + Math.exp(2));
        assertElements(new int[]{2}, new double[]{1000 + lse012, -1000 + lse012}, x.logSumExp(), type == DType.FLOAT32 ? 1e-4 : 1e-12);
        assertElements(new int[]{2, 3}, new double[]{-lse012, 1 - lse012, 2 - lse012, -lse012, 1 - lse012, 2 - lse012},
                x.logSoftmax(), type == DType.FLOAT32 ? 1e-4 : 1e-12);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void widelySpreadInputs(DType type) {
        Tensor x = Tensor.of(new double[]{1000, -1000, 0}, 1, 3).to(type);
        assertElements(new int[]{1, 3}, new double[]{1, 0, 0}, x.softmax(), 0);
        assertElements(new int[]{1, 3}, new double[]{0, -2000, -1000}, x.logSoftmax(), 0);
        assertElements(new int[]{1}, new double[]{1000}, x.logSumExp(), 0);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void minusInfinityIsAMaskedEntry(DType type) {
        Tensor x = Tensor.of(new double[]{NEG_INF, 0, 0, 1, NEG_INF, NEG_INF}, 2, 3).to(type);
        assertElements(new int[]{2, 3}, new double[]{0, 0.5, 0.5, 1, 0, 0}, x.softmax(), tol(type));
        double ln2 = Math.log(2);
        assertElements(new int[]{2, 3}, new double[]{NEG_INF, -ln2, -ln2, 0, NEG_INF, NEG_INF}, x.logSoftmax(), tol(type));
        assertElements(new int[]{2}, new double[]{ln2, 1}, x.logSumExp(), tol(type));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void fullyMaskedRowsHaveNoMassAndNoNaN(DType type) {
        Tensor x = Tensor.of(new double[]{NEG_INF, NEG_INF, NEG_INF, 1, 2, 3}, 2, 3).to(type);
        Tensor sm = x.softmax();
        assertElements(new int[]{3}, new double[]{0, 0, 0}, sm.select(0, 0), 0);
        double[] live = naiveSoftmax(new double[]{1, 2, 3});
        assertElements(new int[]{3}, live, sm.select(0, 1), tol(type));
        assertElements(new int[]{3}, new double[]{NEG_INF, NEG_INF, NEG_INF}, x.logSoftmax().select(0, 0), 0);
        assertElements(new int[]{2}, new double[]{NEG_INF, Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3))},
                x.logSumExp(), tol(type) * 10);
    }

    @Test
    void nanPropagates() {
        Tensor x = Tensor.of(new double[]{0, Double.NaN, 1}, 1, 3);
        assertEquals(Double.NaN, x.softmax().get(0, 0));
        assertEquals(Double.NaN, x.logSumExp().get(0));
    }

    @Test
    void emptyLastDimension() {
        Tensor x = Tensor.zeros(3, 0);
        assertArrayEquals(new int[]{3, 0}, x.softmax().shape());
        assertArrayEquals(new int[]{3, 0}, x.logSoftmax().shape());
        assertElements(new int[]{3}, new double[]{NEG_INF, NEG_INF, NEG_INF}, x.logSumExp(), 0); // log of an empty sum
        assertArrayEquals(new int[]{0}, Tensor.zeros(0, 4).logSumExp().shape());
    }

    @Test
    void vectorsAndScalars() {
        Tensor v = Tensor.of(new double[]{1, 2}, 2);
        assertEquals(0, v.logSumExp().rank(), "the last dimension is removed");
        assertEquals(Math.log(Math.exp(1) + Math.exp(2)), v.logSumExp().item(), 1e-15);
        Map<String, Function<Tensor, Tensor>> ops = Map.of("softmax", Tensor::softmax, "logSoftmax", Tensor::logSoftmax,
                "logSumExp", Tensor::logSumExp);
        for (var op : ops.entrySet()) {
            var e = assertThrows(IllegalArgumentException.class, () -> op.getValue().apply(Tensor.scalar(1)));
            assertEquals(op.getKey() + ": expected at least one dimension but got a scalar", e.getMessage());
        }
    }
}
