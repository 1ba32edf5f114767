package dev.recur.tensor;

import dev.recur.kernel.Transpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static dev.recur.tensor.TensorAssertions.Recorder;
import static dev.recur.tensor.TensorAssertions.random;
import static dev.recur.tensor.TensorAssertions.withKernels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tensor.matmul against a naive triple loop, for plain, transposed and sliced operands. */
class MatMulTest {

    /** The definition: c[i][j] = sum_p a[i][p] * b[p][j], read element by element, summed in double. */
    private static double[][] naive(Tensor a, Tensor b) {
        int m = a.dim(0);
        int k = a.dim(1);
        int n = b.dim(1);
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** Checks a.matmul(b) against the definition, and which transposes reached the kernel. */
    private static void check(Tensor a, Tensor b, Transpose ta, Transpose tb) {
        Tensor aBefore = a.copy();
        Tensor bBefore = b.copy();
        Recorder rec = new Recorder();
        Tensor c = withKernels(rec, () -> a.matmul(b));
        double[][] want = naive(a, b);
        double tol = a.dtype() == DType.FLOAT32 ? 1e-5 * Math.sqrt(a.dim(1)) : 1e-13;
        assertArrayEquals(new int[]{a.dim(0), b.dim(1)}, c.shape());
        assertEquals(a.dtype(), c.dtype());
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) {
                assertEquals(want[i][j], c.get(i, j), tol, "c[" + i + ", " + j + "]");
            }
        }
        assertEquals(ta, rec.lastTa, "transpose of the first operand");
        assertEquals(tb, rec.lastTb, "transpose of the second operand");
        assertEquals(0.0, a.maxAbsDiff(aBefore), "inputs are not modified");
        assertEquals(0.0, b.maxAbsDiff(bBefore), "inputs are not modified");
    }

    private static Object data(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t.floats() : t.doubles();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void plainMatrices(DType type) {
        check(random(1, type, 7, 5), random(2, type, 5, 9), Transpose.N, Transpose.N);
        check(random(1, type, 1, 33), random(2, type, 33, 17), Transpose.N, Transpose.N); // a matrix-vector step
        check(random(1, type, 16, 1), random(2, type, 1, 16), Transpose.N, Transpose.N); // an outer product
        check(random(1, type, 1, 1), random(2, type, 1, 1), Transpose.N, Transpose.N);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void transposedViewsReachTheKernelWithoutCopies(DType type) {
        Tensor a = random(3, type, 5, 7); // used as a.t(): [7, 5]
        Tensor b = random(4, type, 9, 5); // used as b.t(): [5, 9]
        check(a.t(), random(5, type, 5, 9), Transpose.T, Transpose.N);
        check(random(6, type, 7, 5), b.t(), Transpose.N, Transpose.T);
        check(a.t(), b.t(), Transpose.T, Transpose.T);

        Recorder rec = new Recorder();
        withKernels(rec, () -> a.t().matmul(b.t()));
        assertSame(data(a), rec.lastA, "the transposed view's own array is passed, not a copy");
        assertSame(data(b), rec.lastB);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void slicedOperandsUseTheirLeadingDimension(DType type) {
        Tensor big = random(7, type, 10, 12);
        Tensor rows = big.slice(0, 2, 7); // [5, 12] dense at an offset
        Tensor cols = big.slice(1, 3, 8); // [10, 5] with leading dimension 12
        Tensor block = big.slice(0, 1, 6).slice(1, 4, 11); // [5, 7] inside the matrix
        Tensor sub = big.slice(0, 6, 10).slice(1, 2, 7); // [4, 5] inside the matrix
        check(cols, random(8, type, 5, 6), Transpose.N, Transpose.N);
        check(random(9, type, 4, 5), block, Transpose.N, Transpose.N);
        check(rows.slice(1, 0, 10), random(10, type, 10, 3), Transpose.N, Transpose.N);
        check(block.t(), sub.t(), Transpose.T, Transpose.T); // sliced, then transposed
        check(block.t().slice(0, 1, 4), cols.slice(0, 0, 5), Transpose.T, Transpose.N);
        check(big.t().slice(0, 2, 5), big.slice(0, 0, 10).slice(1, 0, 4), Transpose.T, Transpose.N);

        Recorder rec = new Recorder();
        withKernels(rec, () -> cols.matmul(sub.t()));
        assertSame(data(big), rec.lastA, "a column slice is passed in place");
        assertSame(data(big), rec.lastB, "a transposed block is passed in place");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void layoutsWithoutAUnitStrideAreCopiedFirst(DType type) {
        Tensor cube = random(11, type, 3, 4, 5);
        check(cube.select(2, 1), random(12, type, 4, 2), Transpose.N, Transpose.N); // strides [20, 5]
        check(cube.select(2, 0).t(), cube.select(2, 1), Transpose.N, Transpose.N); // [4, 3] x [3, 4], strides [5, 20]
        check(cube.select(1, 3).t(), cube.select(2, 0), Transpose.T, Transpose.N); // [5, 3] with strides [1, 20]

        Recorder rec = new Recorder();
        withKernels(rec, () -> cube.select(2, 1).matmul(cube.select(2, 1).t()));
        assertNotSame(data(cube), rec.lastA);
        assertNotSame(data(cube), rec.lastB);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void unsqueezedVectors(DType type) {
        check(random(13, type, 6).unsqueeze(0), random(14, type, 6).unsqueeze(1), Transpose.N, Transpose.N); // a dot
        check(random(15, type, 6).unsqueeze(1), random(16, type, 1, 3), Transpose.N, Transpose.N);
        check(random(17, type, 4, 6).select(1, 2).unsqueeze(1), random(18, type, 1, 3), Transpose.N, Transpose.N);
        check(random(19, type, 6, 4).select(1, 2).unsqueeze(0), random(20, type, 6, 3), Transpose.N, Transpose.N);
    }

    @Test
    void emptyProducts() {
        Tensor zeroInner = Tensor.zeros(3, 0).matmul(Tensor.zeros(0, 4));
        assertArrayEquals(new int[]{3, 4}, zeroInner.shape());
        assertEquals(0.0, zeroInner.maxAbsDiff(Tensor.zeros(3, 4)), "an empty sum is zero");
        assertArrayEquals(new int[]{0, 4}, Tensor.zeros(0, 2).matmul(Tensor.zeros(2, 4)).shape());
        assertArrayEquals(new int[]{3, 0}, Tensor.zeros(3, 2).matmul(Tensor.zeros(2, 0)).shape());
    }

    @Test
    void handCheckedProduct() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor c = a.matmul(a.t()); // [[1+4+9, 4+10+18], [.., 16+25+36]]
        assertArrayEquals(new float[]{14, 32, 32, 77}, c.floats());
    }

    /** Checks a.bmm(b) against matmul of each pair of matrices, for a batch of any rank. */
    private static void checkBatch(Tensor a, Tensor b) {
        Tensor c = a.bmm(b);
        int r = a.rank();
        int m = a.dim(r - 2);
        int n = b.dim(r - 1);
        Tensor a3 = a.contiguous().reshape(-1, m, a.dim(r - 1));
        Tensor b3 = b.contiguous().reshape(-1, b.dim(r - 2), n);
        Tensor c3 = c.reshape(-1, m, n);
        double tol = a.dtype() == DType.FLOAT32 ? 1e-5 * Math.sqrt(a.dim(r - 1)) : 1e-13;
        for (int i = 0; i < a3.dim(0); i++) {
            double[][] want = naive(a3.select(0, i), b3.select(0, i));
            for (int p = 0; p < m; p++) {
                for (int q = 0; q < n; q++) {
                    assertEquals(want[p][q], c3.get(i, p, q), tol, "c[" + i + "][" + p + ", " + q + "]");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void batchedProducts(DType type) {
        checkBatch(random(21, type, 3, 4, 5), random(22, type, 3, 5, 2));
        checkBatch(random(23, type, 3, 4, 5), random(24, type, 3, 2, 5).transpose(1, 2)); // Q K^T
        checkBatch(random(25, type, 3, 5, 4).transpose(1, 2), random(26, type, 3, 5, 2)); // A^T B
        checkBatch(random(27, type, 2, 3, 4, 5), random(28, type, 2, 3, 5, 1)); // [batch, heads, ..]
        checkBatch(random(29, type, 3, 2, 4, 5).transpose(0, 1), random(30, type, 2, 3, 5, 2)); // leading dims not nested
        checkBatch(random(31, type, 4, 5).unsqueeze(0), random(32, type, 5, 3).unsqueeze(0)); // batch of one
        checkBatch(random(33, type, 2, 1, 4, 5), random(34, type, 2, 1, 5, 3).transpose(0, 1).transpose(0, 1));
    }

    @Test
    void handCheckedBatchedProduct() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 1, 0, 0, 0, 1, 0}, 2, 2, 3);
        Tensor c = a.bmm(a.transpose(1, 2)); // each matrix times its own transpose
        assertArrayEquals(new int[]{2, 2, 2}, c.shape());
        assertArrayEquals(new float[]{14, 32, 32, 77, 1, 0, 0, 1}, c.floats());
        assertArrayEquals(new int[]{2, 3, 0}, Tensor.zeros(2, 3, 4).bmm(Tensor.zeros(2, 4, 0)).shape());
        assertEquals(0.0, Tensor.zeros(2, 3, 0).bmm(Tensor.zeros(2, 0, 4)).maxAbsDiff(Tensor.zeros(2, 3, 4)),
                "an empty sum is zero");
    }

    @Test
    void batchedShapeErrors() {
        var rank = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).bmm(Tensor.zeros(3, 2)));
        assertEquals("bmm: expected two batches of matrices of one rank (at least 3) but got shapes [2, 3] and [3, 2];"
                + " use matmul for single matrices", rank.getMessage());
        var fit = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).bmm(Tensor.zeros(3, 4, 2)));
        assertEquals("bmm: shapes [2, 3, 4] and [3, 4, 2] do not fit: the leading (batch) dimensions must be equal and"
                + " the first's 4 columns must match the second's 4 rows", fit.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 2, 3).bmm(Tensor.zeros(DType.FLOAT64, 2, 3, 2)));
        assertEquals("bmm: element types differ (float32 [2, 2, 3] and float64 [2, 3, 2])", type.getMessage());
    }

    @Test
    void shapeErrors() {
        var inner = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertEquals("matmul: shapes [2, 3] and [4, 5] do not fit: the first has 3 columns, the second 4 rows",
                inner.getMessage());
        var rank = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(4, 5)));
        assertEquals("matmul: expected two matrices but got shapes [2, 3, 4] and [4, 5]; reshape to [rows, cols] first",
                rank.getMessage());
        var vector = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(3, 2)));
        assertEquals("matmul: expected two matrices but got shapes [3] and [3, 2]; reshape to [rows, cols] first",
                vector.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertEquals("matmul: element types differ (float32 [2, 3] and float64 [3, 2])", type.getMessage());
    }
}
