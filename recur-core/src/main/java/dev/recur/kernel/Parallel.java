package dev.recur.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/**
 * The kernels' thread pool. Work is split into contiguous ranges of output indices; each output
 * is computed by exactly one thread in an order that does not depend on the split, so results
 * are bit-identical for any thread count.
 */
public final class Parallel {

    /** Body of a parallel loop over the index range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** Number of threads kernels use; defaults to the number of available processors. */
    public static int threads() {
        return threads;
    }

    /** Sets the kernels' thread count (the CLI's {@code --threads}). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (n != threads) {
            threads = n;
            ForkJoinPool old = pool;
            pool = null;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads, pool -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        t.setName("recur-kernel-" + t.getPoolIndex());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous chunks whose
     * boundaries are multiples of {@code grain} (so that vector-width or block alignment is
     * kept). Runs inline when one thread is set or when n is at most one grain.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int t = threads;
        int blocks = (n + grain - 1) / grain;
        if (t == 1 || blocks <= 1 || Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == pool) {
            // one thread, too little work, or already inside a parallel loop: run here
            body.run(0, n);
            return;
        }
        int chunks = Math.min(t, blocks);
        pool().invoke(new Chunk(body, n, grain, blocks, chunks, 0, chunks));
    }

    private static final class Chunk extends RecursiveAction {
        private final RangeBody body;
        private final int n, grain, blocks, chunks, from, to;

        Chunk(RangeBody body, int n, int grain, int blocks, int chunks, int from, int to) {
            this.body = body;
            this.n = n;
            this.grain = grain;
            this.blocks = blocks;
            this.chunks = chunks;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                int start = (int) ((long) blocks * from / chunks) * grain;
                int end = Math.min(n, (int) ((long) blocks * (from + 1) / chunks) * grain);
                if (start < end) {
                    body.run(start, end);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Chunk(body, n, grain, blocks, chunks, from, mid),
                      new Chunk(body, n, grain, blocks, chunks, mid, to));
        }
    }
}
