package dev.recur.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels of {@link VectorGemm}: each computes an {@code MR x (v * L)}
 * tile {@code out += sum_p A[r, p] * B[p, j]} over one block of k, keeping the tile in 24 of
 * AVX-512's 32 vector registers. The output is C itself (alpha 1, beta 0 or 1) or a tile buffer
 * that {@link #store} merges into C with alpha and beta. Each element starts from what the output
 * holds and adds p = 0, 1, ... in order, one fused multiply-add per step, whichever kernel computes
 * it, so results never depend on where a tile or thread boundary falls.
 *
 * <p>A is a packed panel: {@code a[pa + p * MR + r]}. B rows are read as whole vectors at
 * {@code b[pb + p * ldb + j]}: either a zero-padded packed panel ({@code ldb = NR}) or B's own
 * storage. Kernels use no masks and no branches: C1 gave up on a masked kernel ("out of virtual
 * registers in LIR generator"), which then never reached C2 and ran 100x slower.
 * The kernels are small on purpose: the JIT compiles each on its own, the same way every run.
 * (An epilogue with alpha and beta branches made C2 run out of inlining budget and leave the
 * accumulators boxed; a conditional initial value did the same.)
 */
final class GemmKernels {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector (16 with AVX-512). */
    static final int L = S.length();
    /** Rows of a tile. */
    static final int MR = 8;
    /** Columns of a full tile: three vectors. */
    static final int NR = 3 * L;

    private GemmKernels() {
    }

    /** A full 8 x 48 tile: {@code out[oi + r*ldo + j] += sum_p a[pa + p*MR + r] * b[pb + p*ldb + j]}, r < 8, j < 48. */
    static void kernel8x3(int kc, float[] a, int pa, float[] b, int pb, int ldb,
                          float[] out, int oi, int ldo) {
        int o1 = oi + ldo, o2 = o1 + ldo, o3 = o2 + ldo, o4 = o3 + ldo, o5 = o4 + ldo, o6 = o5 + ldo, o7 = o6 + ldo;
        FloatVector c00 = load(out, oi), c01 = load(out, oi + L), c02 = load(out, oi + 2 * L);
        FloatVector c10 = load(out, o1), c11 = load(out, o1 + L), c12 = load(out, o1 + 2 * L);
        FloatVector c20 = load(out, o2), c21 = load(out, o2 + L), c22 = load(out, o2 + 2 * L);
        FloatVector c30 = load(out, o3), c31 = load(out, o3 + L), c32 = load(out, o3 + 2 * L);
        FloatVector c40 = load(out, o4), c41 = load(out, o4 + L), c42 = load(out, o4 + 2 * L);
        FloatVector c50 = load(out, o5), c51 = load(out, o5 + L), c52 = load(out, o5 + 2 * L);
        FloatVector c60 = load(out, o6), c61 = load(out, o6 + L), c62 = load(out, o6 + 2 * L);
        FloatVector c70 = load(out, o7), c71 = load(out, o7 + L), c72 = load(out, o7 + 2 * L);
        for (int p = 0; p < kc; p++) {
            int ib = pb + p * ldb;
            int ia = pa + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, ib);
            FloatVector b1 = FloatVector.fromArray(S, b, ib + L);
            FloatVector b2 = FloatVector.fromArray(S, b, ib + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[ia]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, a[ia + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, a[ia + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71); c72 = x.fma(b2, c72);
        }
        c00.intoArray(out, oi); c01.intoArray(out, oi + L); c02.intoArray(out, oi + 2 * L);
        c10.intoArray(out, o1); c11.intoArray(out, o1 + L); c12.intoArray(out, o1 + 2 * L);
        c20.intoArray(out, o2); c21.intoArray(out, o2 + L); c22.intoArray(out, o2 + 2 * L);
        c30.intoArray(out, o3); c31.intoArray(out, o3 + L); c32.intoArray(out, o3 + 2 * L);
        c40.intoArray(out, o4); c41.intoArray(out, o4 + L); c42.intoArray(out, o4 + 2 * L);
        c50.intoArray(out, o5); c51.intoArray(out, o5 + L); c52.intoArray(out, o5 + 2 * L);
        c60.intoArray(out, o6); c61.intoArray(out, o6 + L); c62.intoArray(out, o6 + 2 * L);
        c70.intoArray(out, o7); c71.intoArray(out, o7 + L); c72.intoArray(out, o7 + 2 * L);
    }

    /** An 8 x 32 tile (two vectors), for a right edge of 17 to 32 columns; otherwise as {@link #kernel8x3}. */
    static void kernel8x2(int kc, float[] a, int pa, float[] b, int pb, int ldb,
                          float[] out, int oi, int ldo) {
        int o1 = oi + ldo, o2 = o1 + ldo, o3 = o2 + ldo, o4 = o3 + ldo, o5 = o4 + ldo, o6 = o5 + ldo, o7 = o6 + ldo;
        FloatVector c00 = load(out, oi), c01 = load(out, oi + L);
        FloatVector c10 = load(out, o1), c11 = load(out, o1 + L);
        FloatVector c20 = load(out, o2), c21 = load(out, o2 + L);
        FloatVector c30 = load(out, o3), c31 = load(out, o3 + L);
        FloatVector c40 = load(out, o4), c41 = load(out, o4 + L);
        FloatVector c50 = load(out, o5), c51 = load(out, o5 + L);
        FloatVector c60 = load(out, o6), c61 = load(out, o6 + L);
        FloatVector c70 = load(out, o7), c71 = load(out, o7 + L);
        for (int p = 0; p < kc; p++) {
            int ib = pb + p * ldb;
            int ia = pa + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, ib);
            FloatVector b1 = FloatVector.fromArray(S, b, ib + L);
            FloatVector x = FloatVector.broadcast(S, a[ia]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ia + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ia + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        c00.intoArray(out, oi); c01.intoArray(out, oi + L);
        c10.intoArray(out, o1); c11.intoArray(out, o1 + L);
        c20.intoArray(out, o2); c21.intoArray(out, o2 + L);
        c30.intoArray(out, o3); c31.intoArray(out, o3 + L);
        c40.intoArray(out, o4); c41.intoArray(out, o4 + L);
        c50.intoArray(out, o5); c51.intoArray(out, o5 + L);
        c60.intoArray(out, o6); c61.intoArray(out, o6 + L);
        c70.intoArray(out, o7); c71.intoArray(out, o7 + L);
    }

    /** An 8 x 16 tile (one vector), for a right edge of at most 16 columns; otherwise as {@link #kernel8x3}. */
    static void kernel8x1(int kc, float[] a, int pa, float[] b, int pb, int ldb, float[] out, int oi, int ldo) {
        int o1 = oi + ldo, o2 = o1 + ldo, o3 = o2 + ldo, o4 = o3 + ldo, o5 = o4 + ldo, o6 = o5 + ldo, o7 = o6 + ldo;
        FloatVector c0 = load(out, oi), c1 = load(out, o1);
        FloatVector c2 = load(out, o2), c3 = load(out, o3);
        FloatVector c4 = load(out, o4), c5 = load(out, o5);
        FloatVector c6 = load(out, o6), c7 = load(out, o7);
        for (int p = 0; p < kc; p++) {
            int ia = pa + p * MR;
            FloatVector bv = FloatVector.fromArray(S, b, pb + p * ldb);
            c0 = FloatVector.broadcast(S, a[ia]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[ia + 1]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[ia + 2]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[ia + 3]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[ia + 4]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[ia + 5]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[ia + 6]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[ia + 7]).fma(bv, c7);
        }
        c0.intoArray(out, oi); c1.intoArray(out, o1);
        c2.intoArray(out, o2); c3.intoArray(out, o3);
        c4.intoArray(out, o4); c5.intoArray(out, o5);
        c6.intoArray(out, o6); c7.intoArray(out, o7);
    }

    /** Under the JIT's 35-byte always-inline limit, like every helper a kernel calls. */
    private static FloatVector load(float[] x, int i) {
        return FloatVector.fromArray(S, x, i);
    }

    /**
     * Merges the top-left {@code rows x cols} of a tile into C: {@code C = alpha * tile + beta * C},
     * where beta = 0 never reads C (an old NaN must not leak through 0 * NaN).
     */
    static void store(float[] tile, int rows, int cols, float alpha, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j += L) {
                VectorMask<Float> m = S.indexInRange(j, cols);
                FloatVector v = FloatVector.fromArray(S, tile, r * NR + j).mul(alpha);
                int i = ci + r * ldc + j;
                if (beta != 0f) {
                    v = v.add(FloatVector.fromArray(S, c, i, m).mul(beta));
                }
                v.intoArray(c, i, m);
            }
        }
    }

    /** Copies {@code rows x cols} of C into the top-left of a tile whose other elements are zero. */
    static void copyIn(float[] c, int ci, int ldc, int rows, int cols, float[] tile) {
        java.util.Arrays.fill(tile, 0f);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j += L) {
                FloatVector.fromArray(S, c, ci + r * ldc + j, S.indexInRange(j, cols)).intoArray(tile, r * NR + j);
            }
        }
    }

    /** Copies the top-left {@code rows x cols} of a tile into C. */
    static void copyOut(float[] tile, int rows, int cols, float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j += L) {
                FloatVector.fromArray(S, tile, r * NR + j).intoArray(c, ci + r * ldc + j, S.indexInRange(j, cols));
            }
        }
    }
}
