package dev.recur.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VectorGemmTest {

    private static final Kernels REFERENCE = new ReferenceKernels();
    private static final Kernels VECTOR = new VectorKernels();
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** m, n, k: ones, zeros, odd sizes, non-multiples of the vector width, more than one k block and row block. */
    record Size(int m, int n, int k) {
    }

    static final List<Size> SIZES = List.of(
            new Size(1, 1, 1), new Size(1, 37, 5), new Size(1, 64, 300), new Size(23, 1, 9), new Size(1, 1, 40),
            new Size(2, 3, 0), new Size(2, 2, 1), new Size(3, 5, 7), new Size(8, 8, 8), new Size(7, 17, 33),
            new Size(16, 48, 16), new Size(9, 49, 31), new Size(32, 80, 20), new Size(5, 100, 300),
            new Size(70, 130, 260), new Size(300, 20, 7), new Size(33, 96, 513));

    static Stream<GemmCase> cases() {
        List<GemmCase> out = new ArrayList<>();
        long seed = 1;
        for (Size s : SIZES) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    out.add(GemmCase.random(ta, tb, s.m, s.n, s.k, 1f, 0f, seed++));
                    out.add(GemmCase.random(ta, tb, s.m, s.n, s.k, -0.5f, 1f, seed++));
                    out.add(GemmCase.random(ta, tb, s.m, s.n, s.k, 2f, 0.25f, seed++));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(GemmCase g) {
        g.assertMatches(g.run(REFERENCE), g.run(VECTOR));
    }

    /** One case per size and transposes (beta = 0 is what matters here). */
    static Stream<GemmCase> nanCases() {
        return cases().filter(g -> g.beta() == 0f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nanCases")
    void betaZeroIgnoresNaNInC(GemmCase g) {
        GemmCase nan = GemmCase.random(g.ta(), g.tb(), g.m(), g.n(), g.k(), g.alpha(), 0f, 99).fillC(Float.NaN);
        float[] out = nan.run(VECTOR);
        nan.assertMatches(nan.run(REFERENCE), out);
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                assertTrue(Float.isFinite(out[nan.cOff() + i * nan.ldc() + j]), nan + " left NaN at " + i + ", " + j);
            }
        }
    }

    @Test
    void alphaZeroScalesCByBeta() {
        GemmCase g = GemmCase.random(Transpose.N, Transpose.N, 5, 7, 3, 0f, 0.5f, 3);
        g.assertMatches(g.run(REFERENCE), g.run(VECTOR));
        GemmCase cleared = GemmCase.random(Transpose.N, Transpose.T, 5, 7, 3, 0f, 0f, 4).fillC(Float.NaN);
        float[] out = cleared.run(VECTOR);
        assertEquals(0f, out[cleared.cOff() + cleared.ldc() + 2]);
    }

    /** Products big enough to be split between threads: by columns, by rows, and the matrix-vector paths. */
    static Stream<GemmCase> splitCases() {
        List<GemmCase> out = new ArrayList<>();
        long seed = 500;
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                out.add(GemmCase.random(ta, tb, 24, 600, 300, 1f, 0f, seed++)); // column split, two k blocks
                // few rows: B packed a few panels at a time, in several column blocks and k blocks
                out.add(GemmCase.random(ta, tb, 40, 1100, 800, 1f, 0f, seed++));
                out.add(GemmCase.random(ta, tb, 40, 1100, 800, 2f, 0.5f, seed++));
                out.add(GemmCase.random(ta, tb, 400, 24, 40, 1f, 1f, seed++)); // row split
                out.add(GemmCase.random(ta, tb, 1, 2000, 40, 1f, 0f, seed++)); // m = 1
                out.add(GemmCase.random(ta, tb, 2000, 1, 40, 0.5f, 1f, seed++)); // n = 1
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitCases")
    void bitIdenticalForAnyThreadCount(GemmCase g) {
        Parallel.setThreads(1);
        float[] one = g.run(VECTOR);
        Parallel.setThreads(2);
        float[] two = g.run(VECTOR);
        Parallel.setThreads(3);
        float[] three = g.run(VECTOR);
        assertArrayEquals(one, two, g + ": 1 and 2 threads differ");
        assertArrayEquals(one, three, g + ": 1 and 3 threads differ");
        g.assertMatches(g.run(REFERENCE), two);
    }

    @Test
    void rejectsNegativeSizes() {
        float[] x = new float[4];
        var e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.gemm(Transpose.N, Transpose.N, 2, -1, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertEquals("gemm: sizes must be non-negative, got m = 2, n = -1, k = 2", e.getMessage());
    }

    @Test
    void rejectsShortLeadingDimension() {
        float[] x = new float[64];
        var e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.gemm(Transpose.T, Transpose.N, 4, 3, 5, 1f, x, 0, 3, x, 0, 3, 0f, x, 0, 3));
        assertEquals("gemm: leading dimension of A (stored [5, 4], read transposed) is 3 but must be at least 4;"
                + " it is the distance between the starts of two stored rows", e.getMessage());
    }

    @Test
    void rejectsArrayTooShortForOperand() {
        float[] big = new float[64];
        float[] small = new float[10];
        var e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.gemm(Transpose.N, Transpose.N, 4, 3, 5, 1f, big, 0, 5, big, 0, 3, 0f, small, 1, 3));
        assertEquals("gemm: C (stored [4, 3]) with leading dimension 3 at offset 1 spans elements [1, 13) but its"
                + " array has 10; check the offset, the leading dimension and the transpose flag", e.getMessage());
        var neg = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.gemm(Transpose.N, Transpose.N, 4, 3, 5, 1f, big, -1, 5, big, 0, 3, 0f, big, 0, 3));
        assertTrue(neg.getMessage().startsWith("gemm: A (stored [4, 5]) with leading dimension 5 at offset -1"),
                neg.getMessage());
    }

    @Test
    void rejectsNullArraysAndFlags() {
        float[] x = new float[64];
        var e = assertThrows(NullPointerException.class,
                () -> VECTOR.gemm(Transpose.N, Transpose.N, 2, 2, 2, 1f, x, 0, 2, null, 0, 2, 0f, x, 0, 2));
        assertEquals("gemm: array B is null", e.getMessage());
        var t = assertThrows(NullPointerException.class,
                () -> VECTOR.gemm(null, Transpose.N, 2, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertEquals("gemm: ta (transpose of A) is null", t.getMessage());
        var tb = assertThrows(NullPointerException.class,
                () -> VECTOR.gemm(Transpose.N, null, 2, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertEquals("gemm: tb (transpose of B) is null", tb.getMessage());
    }

    @Test
    void emptyProductsLeaveCAlone() {
        float[] c = {Float.NaN, 5f};
        VECTOR.gemm(Transpose.N, Transpose.N, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        assertTrue(Float.isNaN(c[0]));
        assertEquals(5f, c[1]);
    }
}
