package dev.recur.kernel;

import static dev.recur.kernel.GemmKernels.L;
import static dev.recur.kernel.GemmKernels.MR;
import static dev.recur.kernel.GemmKernels.NR;
import static dev.recur.kernel.GemmKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(A) and op(B) into the contiguous panels the micro-kernels stream through
 * (Goto's packing): A as panels of {@link GemmKernels#MR} rows laid out k-major, B as panels of
 * {@link GemmKernels#NR} columns, both zero-padded to full panels.
 */
final class GemmPacking {

    /** Eight lanes: one packed row of an A panel. */
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

    private GemmPacking() {
    }

    /**
     * Packs op(A)[i0 .. i0+rows, p0 .. p0+kc] into {@code dst}: panel q holds rows
     * {@code i0 + q*MR ..} as {@code dst[d0 + q*MR*kc + p*MR + r]}, rows past the end zero.
     */
    static void packA(Transpose ta, float[] a, int aOff, int lda, int i0, int rows, int p0, int kc, float[] dst,
                      int d0) {
        for (int q = 0; q * MR < rows; q++) {
            int base = d0 + q * MR * kc;
            int live = Math.min(MR, rows - q * MR);
            int i = i0 + q * MR;
            if (ta == Transpose.N) {
                packRowsN(a, aOff + i * lda + p0, lda, live, kc, dst, base);
            } else {
                packRowsT(a, aOff + p0 * lda + i, lda, live, kc, dst, base);
            }
        }
    }

    /** A stored as rows: element (r, p) at {@code src + r*lda + p}. */
    private static void packRowsN(float[] a, int src, int lda, int live, int kc, float[] dst, int base) {
        if (live == MR) {
            gatherRows(a, src, lda, kc, dst, base);
            return;
        }
        for (int r = 0; r < live; r++) {
            int s = src + r * lda;
            for (int p = 0; p < kc; p++) {
                dst[base + p * MR + r] = a[s + p];
            }
        }
        zeroRows(live, kc, dst, base);
    }

    /** A full panel of 8 rows: each packed row gathers one element from each stored row. */
    private static void gatherRows(float[] a, int src, int lda, int kc, float[] dst, int base) {
        int[] rowStarts = new int[MR];
        for (int r = 0; r < MR; r++) {
            rowStarts[r] = r * lda;
        }
        for (int p = 0; p < kc; p++) {
            FloatVector.fromArray(S8, a, src + p, rowStarts, 0).intoArray(dst, base + p * MR);
        }
    }

    /** A stored as columns: element (r, p) at {@code src + p*lda + r}. */
    private static void packRowsT(float[] a, int src, int lda, int live, int kc, float[] dst, int base) {
        for (int p = 0; p < kc; p++) {
            int s = src + p * lda;
            int d = base + p * MR;
            for (int r = 0; r < live; r++) {
                dst[d + r] = a[s + r];
            }
        }
        zeroRows(live, kc, dst, base);
    }

    private static void zeroRows(int live, int kc, float[] dst, int base) {
        if (live < MR) {
            for (int p = 0; p < kc; p++) {
                for (int r = live; r < MR; r++) {
                    dst[base + p * MR + r] = 0f;
                }
            }
        }
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+cols] into {@code dst}: panel q holds columns
     * {@code j0 + q*NR ..} as {@code dst[q*kc*NR + p*NR + j]}, columns past the end zero.
     */
    static void packB(Transpose tb, float[] b, int bOff, int ldb, int p0, int kc, int j0, int cols, float[] dst) {
        if (tb == Transpose.N) {
            packColsN(b, bOff + p0 * ldb + j0, ldb, kc, cols, dst);
        } else {
            for (int q = 0; q * NR < cols; q++) {
                int j = j0 + q * NR;
                packColsT(b, bOff + j * ldb + p0, ldb, kc, Math.min(NR, cols - q * NR), dst, q * kc * NR);
            }
        }
    }

    /** B stored as rows: element (p, j) at {@code src + p*ldb + j}; whole rows are read in order. */
    private static void packColsN(float[] b, int src, int ldb, int kc, int cols, float[] dst) {
        int full = cols / NR * NR; // columns in whole panels
        int panel = kc * NR;
        for (int p = 0; p < kc; p++) {
            int s = src + p * ldb;
            int d = p * NR;
            for (int j = 0; j < full; j += NR, d += panel) {
                FloatVector.fromArray(S, b, s + j).intoArray(dst, d);
                FloatVector.fromArray(S, b, s + j + L).intoArray(dst, d + L);
                FloatVector.fromArray(S, b, s + j + 2 * L).intoArray(dst, d + 2 * L);
            }
            for (int j = full; j < cols; j += L) { // the last, partial panel: zeros past cols
                FloatVector.fromArray(S, b, s + j, S.indexInRange(j, cols)).intoArray(dst, d + j - full);
            }
        }
        int tail = cols - full;
        if (tail != 0) { // zero the unused vectors of the last panel
            int base = full / NR * panel;
            int from = (tail + L - 1) / L * L;
            for (int p = 0; p < kc; p++) {
                java.util.Arrays.fill(dst, base + p * NR + from, base + p * NR + NR, 0f);
            }
        }
    }

    /** B stored as columns: element (p, j) at {@code src + j*ldb + p}; one panel of at most NR columns. */
    private static void packColsT(float[] b, int src, int ldb, int kc, int cols, float[] dst, int base) {
        int full = cols / L * L;
        if (full > 0) {
            gatherCols(b, src, ldb, kc, full, dst, base);
        }
        for (int j = full; j < cols; j++) {
            int s = src + j * ldb;
            for (int p = 0; p < kc; p++) {
                dst[base + p * NR + j] = b[s + p];
            }
        }
        if (cols < NR) {
            for (int p = 0; p < kc; p++) {
                java.util.Arrays.fill(dst, base + p * NR + cols, base + p * NR + NR, 0f);
            }
        }
    }

    /**
     * The first {@code full} columns (whole vectors) of a transposed panel: each row of the panel
     * gathers one element from each of L stored rows of B, 2-3x faster than scalar copies.
     */
    private static void gatherCols(float[] b, int src, int ldb, int kc, int full, float[] dst, int base) {
        int[] rowStarts = new int[L];
        for (int l = 0; l < L; l++) {
            rowStarts[l] = l * ldb;
        }
        for (int v = 0; v < full; v += L) {
            int s = src + v * ldb;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, b, s + p, rowStarts, 0).intoArray(dst, base + p * NR + v);
            }
        }
    }
}
