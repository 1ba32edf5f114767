package dev.recur.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels of {@link VectorGemm}: each computes an {@code MR x (v * L)}
 * tile of sums {@code sum_p A[r, p] * B[p, j]} over one block of k, keeping the tile in vector
 * registers (24 of AVX-512's 32 for the main kernel), and writes it to a small tile buffer that
 * {@link #store} merges into C. Each tile element's sum runs p = 0, 1, ... in order with one fused
 * multiply-add per step, whichever kernel computes it, so results never depend on where a tile
 * boundary or a thread boundary falls.
 *
 * <p>A is a packed panel: {@code a[pa + p * MR + r]}. B rows are read as vectors at
 * {@code b[pb + p * ldb + j]}: either a packed panel ({@code ldb = NR}) or B's own storage.
 * The methods are small on purpose: the JIT compiles them on their own, the same way every run.
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

    /** The full tile: {@code tile[r * NR + j] = sum_p a[pa + p*MR + r] * b[pb + p*ldb + j]}, r < 8, j < NR. */
    static void kernel8x3(int kc, float[] a, int pa, float[] b, int pb, int ldb, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00, c52 = c00;
        FloatVector c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00;
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
        c00.intoArray(tile, 0); c01.intoArray(tile, L); c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR); c11.intoArray(tile, NR + L); c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR); c21.intoArray(tile, 2 * NR + L); c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR); c31.intoArray(tile, 3 * NR + L); c32.intoArray(tile, 3 * NR + 2 * L);
        c40.intoArray(tile, 4 * NR); c41.intoArray(tile, 4 * NR + L); c42.intoArray(tile, 4 * NR + 2 * L);
        c50.intoArray(tile, 5 * NR); c51.intoArray(tile, 5 * NR + L); c52.intoArray(tile, 5 * NR + 2 * L);
        c60.intoArray(tile, 6 * NR); c61.intoArray(tile, 6 * NR + L); c62.intoArray(tile, 6 * NR + 2 * L);
        c70.intoArray(tile, 7 * NR); c71.intoArray(tile, 7 * NR + L); c72.intoArray(tile, 7 * NR + 2 * L);
    }

    /**
     * One vector column of a tile, for the right edge: lanes outside {@code mask} read nothing
     * (so B may end there) and come out zero. Writes {@code tile[r * NR + tj + l]}.
     */
    static void kernel8x1(int kc, float[] a, int pa, float[] b, int pb, int ldb, VectorMask<Float> mask,
                          float[] tile, int tj) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < kc; p++) {
            int ia = pa + p * MR;
            FloatVector bv = FloatVector.fromArray(S, b, pb + p * ldb, mask);
            c0 = FloatVector.broadcast(S, a[ia]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[ia + 1]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[ia + 2]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[ia + 3]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[ia + 4]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[ia + 5]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[ia + 6]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[ia + 7]).fma(bv, c7);
        }
        c0.intoArray(tile, tj);
        c1.intoArray(tile, NR + tj);
        c2.intoArray(tile, 2 * NR + tj);
        c3.intoArray(tile, 3 * NR + tj);
        c4.intoArray(tile, 4 * NR + tj);
        c5.intoArray(tile, 5 * NR + tj);
        c6.intoArray(tile, 6 * NR + tj);
        c7.intoArray(tile, 7 * NR + tj);
    }

    /**
     * Merges the top-left {@code rows x cols} of a tile into C: {@code C = alpha * tile + beta * C},
     * where beta = 0 never reads C (old NaNs vanish) and beta = 1 adds.
     */
    static void store(float[] tile, int rows, int cols, float alpha, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            int t = r * NR;
            int row = ci + r * ldc;
            for (int j = 0; j < cols; j += L) {
                VectorMask<Float> m = S.indexInRange(j, cols);
                FloatVector v = FloatVector.fromArray(S, tile, t + j).mul(alpha);
                if (beta == 1f) {
                    v = v.add(FloatVector.fromArray(S, c, row + j, m));
                } else if (beta != 0f) {
                    v = v.add(FloatVector.fromArray(S, c, row + j, m).mul(beta));
                }
                v.intoArray(c, row + j, m);
            }
        }
    }
}
