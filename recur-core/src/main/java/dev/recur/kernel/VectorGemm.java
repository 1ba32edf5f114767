package dev.recur.kernel;

import static dev.recur.kernel.GemmKernels.L;
import static dev.recur.kernel.GemmKernels.MR;
import static dev.recur.kernel.GemmKernels.NR;
import static dev.recur.kernel.GemmKernels.S;

/**
 * Single-precision matrix multiply on the Vector API (BLAS {@code sgemm} semantics, row-major).
 *
 * <p>Paths, by shape: m = 1 or n = 1 go to {@link Gemv} (the weights are streamed once); all
 * others to Goto's blocked scheme: k is cut into blocks of {@link #KC}, op(A) into blocks of
 * {@link #MC} rows packed as 8-row panels, op(B) into 48-column panels that the 8 x 48
 * register-blocked kernel of {@link GemmKernels} sweeps. When op(B) is B as stored and the row
 * block is short, the kernel reads B in place instead of packing it: the copy would cost as much
 * as the few rows it serves.
 *
 * <p>Threads split C into column ranges (or row ranges when C is tall and narrow). Each element
 * of C is summed over k in the same order whatever the split, so results are bit-identical for
 * any thread count.
 */
final class VectorGemm {

    /** Depth of a k block: a packed B panel (KC x 48 floats) then stays in the 48 KiB L1 cache. */
    static final int KC = Integer.getInteger("recur.gemm.kc", 256);
    /** Rows of a packed A block (MC x KC floats, kept in the L2 cache). */
    static final int MC = Integer.getInteger("recur.gemm.mc", 256) / MR * MR;
    /** Row blocks up to this many rows read B in place (when not transposed) instead of packing it. */
    static final int DIRECT_B_MAX_ROWS = Integer.getInteger("recur.gemm.directRows", 64);
    /** Below this many multiply-adds a product runs on the calling thread. */
    static final long PARALLEL_MIN = Long.getLong("recur.gemm.parallelMin", 1 << 17);

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Per-thread packing buffers, reused across calls. */
    private static final class Workspace {
        final float[] a = new float[MC * KC]; // packed A block, MC/MR panels of [KC, MR]
        final float[] b = new float[KC * NR]; // packed B panel [KC, NR]
        final float[] tile = new float[MR * NR]; // one kernel result [MR, NR]
    }

    /** One call's arguments, as in {@link Kernels#gemm}. */
    private record Call(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float beta, float[] c, int cOff, int ldc) {
    }

    private VectorGemm() {
    }

    static void gemm(Transpose ta, Transpose tb, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
        } else if (m == 1) {
            rowTimesMatrix(ta, tb, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff);
        } else if (n == 1) {
            matrixTimesColumn(ta, tb, m, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            blocked(new Call(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
        }
    }

    /** {@code C = beta * C} (the whole product is zero); beta = 0 clears C without reading it. */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    /** m = 1: {@code c[0, :] = alpha * a[0, :] op(B) + beta * c[0, :]}. */
    private static void rowTimesMatrix(Transpose ta, Transpose tb, int n, int k, float alpha,
                                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                       float beta, float[] c, int cOff) {
        int incA = ta == Transpose.N ? 1 : lda;
        if (tb == Transpose.N) {
            Gemv.rows(k, n, alpha, a, aOff, incA, b, bOff, ldb, beta, c, cOff);
        } else {
            float[] x = contiguous(a, aOff, incA, k);
            Gemv.dots(n, k, alpha, b, bOff, ldb, x, x == a ? aOff : 0, beta, c, cOff, 1);
        }
    }

    /** n = 1: {@code c[:, 0] = alpha * op(A) b[:, 0] + beta * c[:, 0]}. */
    private static void matrixTimesColumn(Transpose ta, Transpose tb, int m, int k, float alpha,
                                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                          float beta, float[] c, int cOff, int ldc) {
        int incB = tb == Transpose.N ? ldb : 1;
        if (ta == Transpose.N) {
            float[] x = contiguous(b, bOff, incB, k);
            Gemv.dots(m, k, alpha, a, aOff, lda, x, x == b ? bOff : 0, beta, c, cOff, ldc);
        } else if (ldc == 1) {
            Gemv.rows(k, m, alpha, b, bOff, incB, a, aOff, lda, beta, c, cOff);
        } else {
            float[] y = contiguous(c, cOff, ldc, m);
            Gemv.rows(k, m, alpha, b, bOff, incB, a, aOff, lda, beta, y, 0);
            for (int i = 0; i < m; i++) {
                c[cOff + i * ldc] = y[i];
            }
        }
    }

    /** The strided vector itself when its stride is 1, else a dense copy. */
    private static float[] contiguous(float[] x, int off, int inc, int len) {
        if (inc == 1) {
            return x;
        }
        float[] copy = new float[len];
        for (int i = 0; i < len; i++) {
            copy[i] = x[off + i * inc];
        }
        return copy;
    }

    private static void blocked(Call g) {
        int threads = Parallel.threads();
        if (threads == 1 || (long) g.m * g.n * g.k < PARALLEL_MIN) {
            range(g, 0, g.m, 0, g.n);
        } else if (g.n >= g.m || g.m < threads * MR * 2) {
            Parallel.forRange(g.n, L, (j0, j1) -> range(g, 0, g.m, j0, j1));
        } else {
            Parallel.forRange(g.m, MR, (i0, i1) -> range(g, i0, i1, 0, g.n));
        }
    }

    /** C[i0..i1, j0..j1] on the calling thread. */
    private static void range(Call g, int i0, int i1, int j0, int j1) {
        Workspace w = WORKSPACE.get();
        boolean directB = g.tb == Transpose.N && i1 - i0 <= DIRECT_B_MAX_ROWS;
        for (int pc = 0; pc < g.k; pc += KC) {
            int kc = Math.min(KC, g.k - pc);
            float beta = pc == 0 ? g.beta : 1f; // later k blocks add to the first one's result
            for (int ic = i0; ic < i1; ic += MC) {
                int mc = Math.min(MC, i1 - ic);
                GemmPacking.packA(g.ta, g.a, g.aOff, g.lda, ic, mc, pc, kc, w.a);
                for (int jc = j0; jc < j1; jc += NR) {
                    int nr = Math.min(NR, j1 - jc);
                    if (directB) {
                        panel(g, w, kc, mc, g.b, g.bOff + pc * g.ldb + jc, g.ldb, nr, beta, ic, jc);
                    } else {
                        GemmPacking.packB(g.tb, g.b, g.bOff, g.ldb, pc, kc, jc, nr, w.b);
                        panel(g, w, kc, mc, w.b, 0, NR, nr, beta, ic, jc);
                    }
                }
            }
        }
    }

    /** One B panel (kc x nr, at most NR columns) against every packed A panel of the row block. */
    private static void panel(Call g, Workspace w, int kc, int mc, float[] b, int pb, int ldb, int nr,
                              float beta, int ic, int jc) {
        for (int ir = 0; ir < mc; ir += MR) {
            int pa = ir * kc;
            if (nr == NR) {
                GemmKernels.kernel8x3(kc, w.a, pa, b, pb, ldb, w.tile);
            } else {
                for (int j = 0; j < nr; j += L) {
                    GemmKernels.kernel8x1(kc, w.a, pa, b, pb + j, ldb, S.indexInRange(j, nr), w.tile, j);
                }
            }
            GemmKernels.store(w.tile, Math.min(MR, mc - ir), nr, g.alpha, beta, g.c,
                    g.cOff + (ic + ir) * g.ldc + jc, g.ldc);
        }
    }
}
