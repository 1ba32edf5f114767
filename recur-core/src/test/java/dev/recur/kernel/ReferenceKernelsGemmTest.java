package dev.recur.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ReferenceKernels.gemm against an independent computation: logical matrices are multiplied
 * directly, and only stored (transposed, padded, at offsets) for the kernel.
 */
class ReferenceKernelsGemmTest {

    private static final Kernels K = new ReferenceKernels();
    private static final double C_PAD = 12345; // C's padding must come back untouched
    private static final int M = 5, N = 7, KK = 4;
    private static final int A_OFF = 3, B_OFF = 2, C_OFF = 4, PAD = 3;

    record Case(Transpose ta, Transpose tb, double alpha, double beta) {
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        double[][] scalars = {{1, 0}, {0.5, 0}, {2, 1}, {-1.5, 0.25}};
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                for (double[] s : scalars) {
                    out.add(Arguments.of(new Case(ta, tb, s[0], s[1])));
                }
            }
        }
        return out;
    }

    private static double[][] random(Random rng, int rows, int cols) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextInt(17) - 8 + rng.nextInt(4) * 0.25; // exact in float: sums are exact too
            }
        }
        return x;
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    /** Row-major storage of {@code x} at {@code off} with leading dimension {@code ld}; the rest is {@code pad}. */
    private static double[] store(double[][] x, int off, int ld, double pad) {
        double[] s = new double[off + x.length * ld + PAD];
        Arrays.fill(s, pad);
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, s, off + i * ld, x[i].length);
        }
        return s;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** alpha * a b + beta * c, with beta = 0 ignoring c entirely. */
    private static double[][] expected(double alpha, double[][] a, double[][] b, double beta, double[][] c) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double dot = 0;
                for (int p = 0; p < b.length; p++) {
                    dot += a[i][p] * b[p][j];
                }
                out[i][j] = alpha * dot + (beta == 0 ? 0 : beta * c[i][j]);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void allTransposesWithOffsetsAndLeadingDimensions(Case tc) {
        Random rng = new Random(10L * tc.ta.ordinal() + tc.tb.ordinal());
        double[][] a = random(rng, M, KK); // op(A)
        double[][] b = random(rng, KK, N); // op(B)
        double[][] c0 = random(rng, M, N);
        if (tc.beta == 0) {
            c0[1][2] = Double.NaN; // beta 0 must ignore C's old contents, even NaN
            c0[4][6] = Double.POSITIVE_INFINITY;
        }
        double[][] aStored = tc.ta == Transpose.N ? a : transpose(a);
        double[][] bStored = tc.tb == Transpose.N ? b : transpose(b);
        int lda = aStored[0].length + 2;
        int ldb = bStored[0].length + 1;
        int ldc = N + 3;
        // NaN padding in A and B: any read outside the matrices would poison C
        double[] as = store(aStored, A_OFF, lda, Double.NaN);
        double[] bs = store(bStored, B_OFF, ldb, Double.NaN);
        double[] cs = store(c0, C_OFF, ldc, C_PAD);
        float[] asF = toFloat(as);
        float[] bsF = toFloat(bs);
        float[] csF = toFloat(cs);

        K.gemm(tc.ta, tc.tb, M, N, KK, tc.alpha, as, A_OFF, lda, bs, B_OFF, ldb, tc.beta, cs, C_OFF, ldc);
        K.gemm(tc.ta, tc.tb, M, N, KK, (float) tc.alpha, asF, A_OFF, lda, bsF, B_OFF, ldb, (float) tc.beta, csF, C_OFF, ldc);

        double[][] want = expected(tc.alpha, a, b, tc.beta, c0);
        for (int idx = 0; idx < cs.length; idx++) {
            int r = (idx - C_OFF) / ldc;
            int col = (idx - C_OFF) % ldc;
            boolean inside = idx >= C_OFF && r < M && col < N;
            double w = inside ? want[r][col] : C_PAD;
            assertEquals(w, cs[idx], 1e-12, "double C[" + idx + "] " + tc);
            assertEquals(w, csF[idx], 1e-4, "float C[" + idx + "] " + tc);
        }
    }

    @Test
    void emptyInnerDimensionScalesC() {
        double[] c = {1, 2, 3, 4};
        K.gemm(Transpose.N, Transpose.N, 2, 2, 0, 1.0, new double[0], 0, 1, new double[0], 0, 2, 0.5, c, 0, 2);
        assertEquals(List.of(0.5, 1.0, 1.5, 2.0), Arrays.stream(c).boxed().toList());
        float[] f = {Float.NaN, 2};
        K.gemm(Transpose.T, Transpose.T, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 1, 0f, f, 0, 2);
        assertEquals(0f, f[0], "beta 0 clears even NaN");
        assertEquals(0f, f[1]);
    }

    @Test
    void matrixVectorShapes() {
        Random rng = new Random(5);
        double[][] x = random(rng, 1, 6); // [1, k]
        double[][] w = random(rng, 6, 3); // [k, n]
        double[] c = new double[3];
        K.gemm(Transpose.N, Transpose.N, 1, 3, 6, 1.0, store(x, 0, 6, 0), 0, 6, store(w, 0, 3, 0), 0, 3, 0.0, c, 0, 3);
        double[][] want = expected(1, x, w, 0, null);
        for (int j = 0; j < 3; j++) {
            assertEquals(want[0][j], c[j], 1e-12);
        }
    }
}
