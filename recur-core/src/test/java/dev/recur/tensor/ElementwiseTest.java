package dev.recur.tensor;

import dev.recur.kernel.Binary;
import dev.recur.kernel.Unary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.Function;

import static dev.recur.tensor.TensorAssertions.Recorder;
import static dev.recur.tensor.TensorAssertions.assertElements;
import static dev.recur.tensor.TensorAssertions.coordinates;
import static dev.recur.tensor.TensorAssertions.random;
import static dev.recur.tensor.TensorAssertions.withKernels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Elementwise maths with NumPy broadcasting, through each of its three paths, against a per-element definition. */
class ElementwiseTest {

    /** The operation as a tensor method, by kernel enum. */
    private static Tensor apply(Binary f, Tensor a, Tensor b) {
        return switch (f) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MAX -> a.maximum(b);
            case MIN -> a.minimum(b);
        };
    }

    /** The broadcast result computed one output coordinate at a time from the NumPy rule. */
    private static double[] expected(Binary f, Tensor a, Tensor b, int[] outShape) {
        List<int[]> coords = coordinates(outShape);
        double[] out = new double[coords.size()];
        for (int i = 0; i < out.length; i++) {
            double x = a.get(project(coords.get(i), a.shape()));
            double y = b.get(project(coords.get(i), b.shape()));
            out[i] = a.dtype() == DType.FLOAT32 ? f.apply((float) x, (float) y) : f.apply(x, y);
        }
        return out;
    }

    /** The coordinate of an operand of shape {@code s} that output coordinate {@code idx} reads. */
    private static int[] project(int[] idx, int[] s) {
        int[] p = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = s[i] == 1 ? 0 : idx[idx.length - s.length + i];
        }
        return p;
    }

    /** Checks every operation on (a, b) against the definition and that the expected kernel path ran. */
    private static void check(Tensor a, Tensor b, int[] outShape, String path) {
        for (Binary f : Binary.values()) {
            Recorder rec = new Recorder();
            Tensor out = withKernels(rec, () -> apply(f, a, b));
            assertElements(outShape, expected(f, a, b, outShape), out, 0);
            assertEquals(a.dtype(), out.dtype());
            assertEquals(path.isEmpty() ? List.of() : List.of(path), rec.calls, f + " took the wrong path");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void equalShapes(DType type) {
        check(random(1, type, 3, 4), random(2, type, 3, 4).add(0.5), new int[]{3, 4}, "binary");
        check(Tensor.scalar(type, 3), Tensor.scalar(type, -2), new int[0], "binary");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void trailingRowBiasTakesTheRowKernel(DType type) {
        check(random(1, type, 4, 3), random(2, type, 3), new int[]{4, 3}, "binaryRow");
        check(random(1, type, 2, 3, 4), random(2, type, 1, 4), new int[]{2, 3, 4}, "binaryRow");
        check(random(1, type, 2, 3, 4), random(2, type, 3, 4), new int[]{2, 3, 4}, "binaryRow");
        check(random(1, type, 2, 3, 4), random(2, type, 1, 1, 4), new int[]{2, 3, 4}, "binaryRow");
        check(random(1, type, 2, 3, 1), random(2, type, 3, 1), new int[]{2, 3, 1}, "binaryRow");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void generalBroadcasts(DType type) {
        check(random(1, type, 3, 1), random(2, type, 1, 4), new int[]{3, 4}, "");
        check(Tensor.scalar(type, 0.75), random(2, type, 2, 3), new int[]{2, 3}, "");
        check(random(1, type, 2, 3), Tensor.scalar(type, 0.75), new int[]{2, 3}, "");
        check(random(1, type, 4), random(2, type, 2, 3, 4), new int[]{2, 3, 4}, ""); // the smaller one first
        check(random(1, type, 2, 1, 4), random(2, type, 3, 1), new int[]{2, 3, 4}, "");
        check(random(1, type, 1), random(2, type, 5), new int[]{5}, "");
        check(random(1, type, 2, 3, 4), random(2, type, 3, 1), new int[]{2, 3, 4}, "");
    }

    /** A broadcast whose last dimension is long: one kernel call per run along it, with the definition's result. */
    private static void checkRuns(Tensor a, Tensor b, int[] outShape) {
        for (Binary f : Binary.values()) {
            Recorder rec = new Recorder();
            Tensor out = withKernels(rec, () -> apply(f, a, b));
            assertElements(outShape, expected(f, a, b, outShape), out, 0);
            int runs = out.size() / outShape[outShape.length - 1];
            assertEquals(java.util.Collections.nCopies(runs, "binary"), rec.calls, f + ": one kernel call per run");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void longLastDimensionsBroadcastRunByRun(DType type) {
        checkRuns(random(1, type, 2, 3, 1, 9), random(2, type, 2, 1, 4, 9), new int[]{2, 3, 4, 9}); // additive attention
        checkRuns(random(3, type, 2, 3, 1), random(4, type, 2, 1, 8), new int[]{2, 3, 8}); // the first stretched
        checkRuns(random(5, type, 2, 1, 8), random(6, type, 2, 3, 1), new int[]{2, 3, 8}); // the second stretched
        checkRuns(random(7, type, 2, 10).slice(1, 1, 9), random(8, type, 3, 1, 1), new int[]{3, 2, 8}); // strided rows
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nonContiguousOperandsInEveryPath(DType type) {
        Tensor at = random(1, type, 4, 3).t(); // [3, 4], strides [1, 3]
        Tensor bt = random(2, type, 4, 3).t();
        check(at, bt, new int[]{3, 4}, "binary");
        check(at, random(3, type, 4).slice(0, 0, 4), new int[]{3, 4}, "binaryRow");
        check(at, random(3, type, 4, 2).select(1, 1), new int[]{3, 4}, "binaryRow"); // a strided bias
        check(at, random(4, type, 3, 5).slice(1, 2, 3), new int[]{3, 4}, ""); // a [3, 1] column view
        check(random(5, type, 2, 3, 4).transpose(0, 2), random(6, type, 1, 3, 2), new int[]{4, 3, 2}, "binaryRow");
        check(random(5, type, 2, 3, 4).transpose(0, 2), random(6, type, 4, 1, 2), new int[]{4, 3, 2}, "");
        check(random(7, type, 6).slice(0, 1, 5).unsqueeze(1), at.select(0, 2), new int[]{4, 4}, "");
    }

    @Test
    void emptyShapes() {
        Tensor out = Tensor.zeros(0, 3).add(Tensor.zeros(3));
        assertArrayEquals(new int[]{0, 3}, out.shape());
        assertArrayEquals(new int[]{2, 0}, Tensor.zeros(2, 1).mul(Tensor.zeros(0)).shape());
    }

    @Test
    void incompatibleShapesNameTheOperationAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        String tail = ": shapes [2, 3] and [4] cannot be broadcast together (dimension 1: 3 vs 4);"
                + " trailing dimensions must be equal or 1";
        for (Binary f : Binary.values()) {
            String op = switch (f) {
                case ADD -> "add";
                case SUB -> "sub";
                case MUL -> "mul";
                case DIV -> "div";
                case MAX -> "maximum";
                case MIN -> "minimum";
            };
            var e = assertThrows(IllegalArgumentException.class, () -> apply(f, a, b));
            assertEquals(op + tail, e.getMessage());
        }
        var rank = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(5, 2, 3).add(Tensor.zeros(4, 1, 1)));
        assertEquals("add: shapes [5, 2, 3] and [4, 1, 1] cannot be broadcast together (dimension 0: 5 vs 4);"
                + " trailing dimensions must be equal or 1", rank.getMessage());
        var lead = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).mul(Tensor.zeros(2, 2)));
        assertEquals("mul: shapes [3] and [2, 2] cannot be broadcast together (dimension 1: 3 vs 2);"
                + " trailing dimensions must be equal or 1", lead.getMessage());
    }

    @Test
    void elementTypesMustMatch() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2).sub(Tensor.zeros(DType.FLOAT64, 2)));
        assertEquals("sub: element types differ (float32 [2] and float64 [2]); convert one with to(DType)", e.getMessage());
        var d = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.FLOAT64, 3, 2).maximum(Tensor.scalar(1)));
        assertEquals("maximum: element types differ (float64 [3, 2] and float32 []); convert one with to(DType)",
                d.getMessage());
    }

    @Test
    void scalarConveniencesKeepTheType() {
        Tensor d = Tensor.of(new double[]{0.1, 0.2}, 2);
        assertElements(new int[]{2}, new double[]{0.1 + 0.3, 0.2 + 0.3}, d.add(0.3), 0);
        assertElements(new int[]{2}, new double[]{0.1 * 3, 0.2 * 3}, d.mul(3), 0);
        Tensor f = Tensor.of(new float[]{0.1f, 0.2f}, 2);
        assertEquals(DType.FLOAT32, f.add(0.3).dtype());
        assertEquals(0.1f + 0.3f, f.add(0.3).get(0));
    }

    @ParameterizedTest
    @EnumSource(Unary.class)
    void unaryMatchesItsScalarDefinition(Unary u) {
        double[] xs = {-3, -0.5, 0, 0.25, 1, 2.5, 40};
        Tensor d = Tensor.of(xs.clone(), 7);
        Tensor f = d.to(DType.FLOAT32);
        Tensor outD = d.map(u);
        Tensor outF = f.map(u);
        for (int i = 0; i < xs.length; i++) {
            double want = u.apply(xs[i]);
            assertEquals(want, outD.get(i), 0.0, u + "(" + xs[i] + ")");
            assertEquals((float) u.apply((float) xs[i]), outF.get(i), 0.0, u + "(" + xs[i] + ") in float32");
        }
        Tensor view = Tensor.stack(1, d, d).select(1, 0).slice(0, 2, 6); // stride 2, at an offset
        assertElements(new int[]{4}, new double[]{u.apply(0), u.apply(0.25), u.apply(1), u.apply(2.5)}, view.map(u), 0);
    }

    @Test
    void namedUnaryMethods() {
        Tensor x = random(9, DType.FLOAT64, 2, 3).add(2); // positive, for log and sqrt
        List<Function<Tensor, Tensor>> methods = List.of(Tensor::neg, Tensor::exp, Tensor::log, Tensor::tanh,
                Tensor::sigmoid, Tensor::relu, Tensor::sqrt, Tensor::abs, Tensor::square);
        List<Unary> kernels = List.of(Unary.NEG, Unary.EXP, Unary.LOG, Unary.TANH, Unary.SIGMOID, Unary.RELU,
                Unary.SQRT, Unary.ABS, Unary.SQUARE);
        for (int i = 0; i < methods.size(); i++) {
            assertEquals(0.0, methods.get(i).apply(x).maxAbsDiff(x.map(kernels.get(i))), kernels.get(i).name());
        }
        Tensor s = Tensor.scalar(DType.FLOAT64, -1).map(Unary.ABS);
        assertEquals(0, s.rank());
        assertEquals(1, s.item());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void addInPlaceScalesAndAccumulates(DType type) {
        Tensor y = random(1, type, 3, 4);
        Tensor x = random(2, type, 3, 4);
        Tensor before = y.copy();
        assertSame(y, y.addInPlace(x, -0.5));
        assertElements(new int[]{3, 4}, expected(Binary.ADD, before, x.mul(-0.5), new int[]{3, 4}), y, 1e-7);

        Tensor big = Tensor.zeros(type, 4, 3);
        Tensor view = big.t(); // a non-contiguous destination
        view.addInPlace(x, 2);
        view.addInPlace(x.t().t(), 1);
        for (int[] i : coordinates(3, 4)) {
            assertEquals(3 * x.get(i), big.get(i[1], i[0]), 1e-6);
        }
        Tensor src = random(3, type, 4, 3).t(); // a non-contiguous source
        Tensor z = Tensor.zeros(type, 3, 4).addInPlace(src, 1);
        assertEquals(0.0, z.maxAbsDiff(src));
    }

    @Test
    void addInPlaceNeedsOneShapeAndType() {
        var shape = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).addInPlace(Tensor.zeros(3), 1));
        assertEquals("addInPlace: shapes [2, 3] (float32) and [3] (float32) must be equal", shape.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).addInPlace(Tensor.zeros(DType.FLOAT64, 3), 1));
        assertEquals("addInPlace: shapes [3] (float32) and [3] (float64) must be equal", type.getMessage());
    }
}
