package dev.recur.kernel;

import static dev.recur.kernel.GemmKernels.L;
import static dev.recur.kernel.GemmKernels.MR;
import static dev.recur.kernel.GemmKernels.NR;
import static dev.recur.kernel.GemmKernels.S;

/**
 * Single-precision matrix multiply on the Vector API (BLAS {@code sgemm} semantics, row-major).
 *
 * <p>Paths, by shape: m = 1 or n = 1 go to {@link Gemv} (the weights are streamed once), tiny
 * products to {@link GemmSmall} (no packing), all others to Goto's blocked scheme: k is cut into
 * equal blocks of at most {@link #KC}, op(A) into blocks of {@link #MC} rows packed as 8-row
 * panels, op(B) into blocks of {@link #NC} columns packed as 48-column panels, which the 8 x 48
 * register-blocked kernel of {@link GemmKernels} sweeps. When B is small and not transposed and
 * C has few rows, the kernel reads B in place: the copy would cost as much as the few rows it
 * serves.
 *
 * <p>Threads split C into column ranges, several per thread, sharing one packed copy of A (or
 * into row ranges when C is tall and narrow). Each element of C is summed over k in the same
 * order whatever the split, so results are bit-identical for any thread count.
 */
final class VectorGemm {

    /**
     * Depth of a k block (measured: 384 beat 128, 192 and 256 at 512^3 and 2048^3). The kernel
     * streams a B panel (KC x 48 floats, 72 KiB) from L2 and an A panel (8 x KC, 12 KiB) from L1.
     */
    static final int KC = Integer.getInteger("recur.gemm.kc", 384);
    /** Rows of a packed A block (MC x KC floats, kept in the L2 cache). */
    static final int MC = Integer.getInteger("recur.gemm.mc", 192) / MR * MR;
    /**
     * Row ranges up to this many rows read B in place (when it is not transposed) instead of
     * packing it, if the part of B they read is small enough to stay in the L2 cache: packing would
     * cost as much as the few rows it serves. Larger B is packed: read in place, its rows
     * (a power-of-two stride apart, typically) thrash the caches and the TLB.
     */
    static final int DIRECT_B_MAX_ROWS = Integer.getInteger("recur.gemm.directRows", 64);
    /** Most floats of B (k x n) read in place: 1 MiB, half the L2 cache. */
    static final long DIRECT_B_MAX_FLOATS = Long.getLong("recur.gemm.directFloats", 1 << 18);
    /** Columns of a packed B block (KC x NC floats, read from the L2 and L3 caches). */
    static final int NC = Integer.getInteger("recur.gemm.nc", 3072) / NR * NR;
    /**
     * Columns of a packed B block when the row range is one row block (at most {@link #MC} rows):
     * each packed panel then serves those few rows only, so a few panels are packed at a time and
     * stay in the L2 cache, instead of a whole NC-wide block streaming through it (at 64 x 512 x
     * 2048 a thread's 1 MiB block evicted the B it was being copied from).
     */
    static final int NC_FEW_ROWS = Integer.getInteger("recur.gemm.ncFewRows", 480) / NR * NR;
    /** Up to this many multiply-adds a product takes {@link GemmSmall}'s path, without packing. */
    static final long SMALL_MAX = Long.getLong("recur.gemm.smallMax", 1 << 12);
    /** Most floats of op(A) packed once and shared by the threads of a column split (16 MiB). */
    static final long SHARED_A_MAX = 1 << 22;
    /**
     * Column ranges per thread in a column split. More than one keeps threads busy when one is
     * descheduled on a loaded machine, but measured 5-10% slower on a quiet one (ragged edges).
     */
    static final int CHUNKS_PER_THREAD = Integer.getInteger("recur.gemm.chunks", 1);
    /** Below this many multiply-adds a product runs on the calling thread. */
    static final long PARALLEL_MIN = Long.getLong("recur.gemm.parallelMin", 1 << 17);

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Per-thread packing buffers, reused across calls and grown on demand. */
    private static final class Workspace {
        private float[] a = new float[0]; // packed A block, panels of [kc, MR]
        private float[] b = new float[0]; // packed B block, panels of [kc, NR]
        private float[] shared = new float[0]; // all of op(A) packed for the threads to share
        final float[] edge = new float[KC * NR]; // B's ragged right edge, zero-padded [KC, NR]
        final float[] tile = new float[MR * NR]; // one tile over C's edge [MR, NR]

        float[] a(int size) {
            return a.length >= size ? a : (a = new float[size]);
        }

        float[] b(int size) {
            return b.length >= size ? b : (b = new float[size]);
        }

        float[] shared(int size) {
            return shared.length >= size ? shared : (shared = new float[size]);
        }
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
        } else if ((long) m * n * k <= SMALL_MAX) {
            GemmSmall.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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
            // few rows: A packed once, not once per block of NC_FEW_ROWS columns
            range(g, 0, g.m, 0, g.n, g.m <= MC && g.n > NC_FEW_ROWS ? sharedA(g) : null);
        } else if (g.n >= g.m || g.m < threads * MR * 2) {
            // column ranges (whole vectors: equal shares, a ragged edge each), all reading one copy
            // of A packed up front instead of each packing its own
            float[] packedA = sharedA(g);
            Parallel.forRange(g.n, L, threads * CHUNKS_PER_THREAD, (j0, j1) -> range(g, 0, g.m, j0, j1, packedA));
        } else {
            Parallel.forRange(g.m, MR, (i0, i1) -> range(g, i0, i1, 0, g.n, null));
        }
    }

    /** The k block depth: k split into equal blocks of at most KC (512 = 256 + 256, not 384 + 128). */
    private static int kBlock(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** {@link #packAll} when op(A) is small enough to pack whole, else null (each row block is packed in turn). */
    private static float[] sharedA(Call g) {
        return (long) roundUp(g.m, MR) * g.k <= SHARED_A_MAX ? packAll(g) : null;
    }

    /** All of op(A) packed: the k block at pc starts at {@code pc * roundUp(m, MR)}, in panels of [kc, MR]. */
    private static float[] packAll(Call g) {
        int mPad = roundUp(g.m, MR);
        float[] packed = WORKSPACE.get().shared(mPad * g.k);
        int kb = kBlock(g.k);
        for (int pc = 0; pc < g.k; pc += kb) {
            int kc = Math.min(kb, g.k - pc);
            for (int ic = 0; ic < g.m; ic += MC) {
                // a row block of MC rows occupies MC * kc floats, like its panels in range()
                GemmPacking.packA(g.ta, g.a, g.aOff, g.lda, ic, Math.min(MC, g.m - ic), pc, kc, packed,
                        pc * mPad + ic * kc);
            }
        }
        return packed;
    }

    /** C[i0..i1, j0..j1] on the calling thread; op(A) comes packed by {@link #packAll} or is packed here. */
    private static void range(Call g, int i0, int i1, int j0, int j1, float[] packedA) {
        Workspace w = WORKSPACE.get();
        boolean directB = g.tb == Transpose.N && i1 - i0 <= DIRECT_B_MAX_ROWS
                && (long) g.k * g.n <= DIRECT_B_MAX_FLOATS;
        // alpha = 1 with beta 0 or 1 (a plain product, an accumulated gradient): the kernels add
        // straight into C, cleared first when beta = 0; anything else goes through store()
        boolean directC = g.alpha == 1f && (g.beta == 0f || g.beta == 1f);
        if (directC && g.beta == 0f) {
            for (int i = i0; i < i1; i++) {
                java.util.Arrays.fill(g.c, g.cOff + i * g.ldc + j0, g.cOff + i * g.ldc + j1, 0f);
            }
        }
        int mPad = roundUp(g.m, MR);
        int kb = kBlock(g.k);
        int nc = i1 - i0 <= MC ? NC_FEW_ROWS : NC;
        for (int jb = j0; jb < j1; jb += nc) {
            int nb = Math.min(nc, j1 - jb);
            for (int pc = 0; pc < g.k; pc += kb) {
                int kc = Math.min(kb, g.k - pc);
                float beta = pc == 0 ? g.beta : 1f; // later k blocks add to the first one's result
                float[] bBlock = directB ? null : w.b(kc * roundUp(nb, NR));
                if (!directB) {
                    GemmPacking.packB(g.tb, g.b, g.bOff, g.ldb, pc, kc, jb, nb, bBlock);
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    Panels a;
                    if (packedA != null) {
                        a = new Panels(packedA, pc * mPad + ic * kc);
                    } else {
                        float[] block = w.a(roundUp(mc, MR) * kc);
                        GemmPacking.packA(g.ta, g.a, g.aOff, g.lda, ic, mc, pc, kc, block, 0);
                        a = new Panels(block, 0);
                    }
                    for (int jr = 0; jr < nb; jr += NR) {
                        int nr = Math.min(NR, nb - jr);
                        Panel panel;
                        if (!directB) {
                            panel = new Panel(bBlock, jr * kc, NR);
                        } else if (nr == NR) {
                            panel = new Panel(g.b, g.bOff + pc * g.ldb + jb + jr, g.ldb);
                        } else { // the ragged right edge: zero-padded, so kernels read whole vectors
                            GemmPacking.packB(g.tb, g.b, g.bOff, g.ldb, pc, kc, jb + jr, nr, w.edge);
                            panel = new Panel(w.edge, 0, NR);
                        }
                        tiles(g, w, kc, mc, a, panel, nr, directC, beta, ic, jb + jr);
                    }
                }
            }
        }
    }

    /** Packed A panels of one row block: panel q (rows q*MR..) at {@code a[base + q*kc*MR]}. */
    private record Panels(float[] a, int base) {
    }

    /** A kc x NR block of op(B) as the kernels read it: {@code b[pb + p*ldb + j]}. */
    private record Panel(float[] b, int pb, int ldb) {
    }

    /** One B panel (kc x nr, at most NR columns) against every packed A panel of the row block. */
    private static void tiles(Call g, Workspace w, int kc, int mc, Panels a, Panel panel, int nr, boolean directC,
                              float beta, int ic, int jc) {
        for (int ir = 0; ir < mc; ir += MR) {
            int pa = a.base + ir * kc;
            int rows = Math.min(MR, mc - ir);
            int ci = g.cOff + (ic + ir) * g.ldc + jc;
            if (directC && rows == MR && nr == NR) {
                GemmKernels.kernel8x3(kc, a.a, pa, panel.b, panel.pb, panel.ldb, g.c, ci, g.ldc);
            } else if (directC) { // a tile over C's edge: the same sums, in the tile buffer
                GemmKernels.copyIn(g.c, ci, g.ldc, rows, nr, w.tile);
                kernel(kc, a.a, pa, panel, nr, w.tile);
                GemmKernels.copyOut(w.tile, rows, nr, g.c, ci, g.ldc);
            } else {
                java.util.Arrays.fill(w.tile, 0f);
                kernel(kc, a.a, pa, panel, nr, w.tile);
                GemmKernels.store(w.tile, rows, nr, g.alpha, beta, g.c, ci, g.ldc);
            }
        }
    }

    /** The narrowest kernel covering nr columns, adding into the tile buffer. */
    private static void kernel(int kc, float[] a, int pa, Panel p, int nr, float[] tile) {
        if (nr <= L) {
            GemmKernels.kernel8x1(kc, a, pa, p.b, p.pb, p.ldb, tile, 0, NR);
        } else if (nr <= 2 * L) {
            GemmKernels.kernel8x2(kc, a, pa, p.b, p.pb, p.ldb, tile, 0, NR);
        } else {
            GemmKernels.kernel8x3(kc, a, pa, p.b, p.pb, p.ldb, tile, 0, NR);
        }
    }
}
