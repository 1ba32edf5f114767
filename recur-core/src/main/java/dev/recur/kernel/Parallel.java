package dev.recur.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernels' thread pool. Work is split into contiguous ranges of output indices; each output
 * is computed by exactly one thread in an order that does not depend on the split, so results
 * are bit-identical for any thread count.
 *
 * <p>A recurrent layer calls kernels of 50-200 us once per time step, so dispatch must cost far
 * less than that. Instead of a {@code ForkJoinPool} (whose parked workers take tens of
 * microseconds to wake), {@code threads() - 1} daemon workers spin briefly after each job before
 * parking, and the calling thread takes part: chunks are claimed from a shared counter, so a
 * worker that wakes late only means the caller runs more chunks itself. Which thread runs a
 * chunk never changes what the chunk computes.
 */
public final class Parallel {

    /** Body of a parallel loop over the index range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile Pool pool;

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
            Pool old = pool;
            pool = null;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static Pool pool() {
        Pool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new Pool(threads);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous chunks whose
     * boundaries are multiples of {@code grain} (so that vector-width or block alignment is
     * kept). Runs inline when one thread is set, when n is at most one grain, when called from
     * inside a parallel loop, or while another thread's loop occupies the pool.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        forRange(n, grain, threads, body);
    }

    /**
     * As {@link #forRange(int, int, RangeBody)}, but split into at most {@code maxChunks}
     * chunks, which the threads claim one after another: more chunks than threads keep every
     * thread busy when one of them is descheduled (a busy machine), at the cost of more, smaller
     * ranges. The boundaries depend only on n, grain and maxChunks, never on which thread runs
     * what.
     */
    public static void forRange(int n, int grain, int maxChunks, RangeBody body) {
        if (grain < 1) {
            throw new IllegalArgumentException("forRange: grain must be at least 1, got " + grain);
        }
        if (maxChunks < 1) {
            throw new IllegalArgumentException("forRange: maxChunks must be at least 1, got " + maxChunks);
        }
        int blocks = (int) (((long) n + grain - 1) / grain);
        if (threads == 1 || blocks <= 1 || maxChunks == 1 || Pool.isWorker()) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        Pool p = pool();
        if (!p.tryRun(body, n, grain, blocks, Math.min(maxChunks, blocks))) {
            body.run(0, n);
        }
    }

    /** One parallel loop: fixed chunk boundaries, claimed by whichever thread comes first. */
    private static final class Job {
        final RangeBody body;
        final int n;
        final int grain;
        final int blocks;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger pending;
        volatile Throwable failure;

        Job(RangeBody body, int n, int grain, int blocks, int chunks) {
            this.body = body;
            this.n = n;
            this.grain = grain;
            this.blocks = blocks;
            this.chunks = chunks;
            this.pending = new AtomicInteger(chunks);
        }

        void runChunks() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                int start = (int) ((long) blocks * c / chunks) * grain;
                int end = (int) Math.min(n, (long) blocks * (c + 1) / chunks * grain);
                try {
                    if (start < end) {
                        body.run(start, end);
                    }
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }

    /** The workers and the one job they share at a time. */
    private static final class Pool {
        /** How long an idle worker spins for the next job before parking (covers a time step's gap). */
        private static final long SPIN_NANOS = 100_000;
        private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> Boolean.FALSE);

        private final Thread[] workers;
        private final AtomicInteger busy = new AtomicInteger();
        private volatile Job job;
        private volatile boolean shutdown;

        Pool(int threads) {
            workers = new Thread[threads - 1];
            for (int i = 0; i < workers.length; i++) {
                Thread w = new Thread(this::workLoop, "recur-kernel-" + (i + 1));
                w.setDaemon(true);
                workers[i] = w;
                w.start();
            }
        }

        static boolean isWorker() {
            return WORKER.get();
        }

        /** Runs one job with the caller's help; false when another caller holds the pool. */
        boolean tryRun(RangeBody body, int n, int grain, int blocks, int chunks) {
            if (!busy.compareAndSet(0, 1)) {
                return false;
            }
            WORKER.set(Boolean.TRUE);
            try {
                Job j = new Job(body, n, grain, blocks, chunks);
                job = j;
                for (Thread w : workers) {
                    LockSupport.unpark(w);
                }
                j.runChunks();
                while (j.pending.get() != 0) {
                    Thread.onSpinWait();
                }
                job = null;
                Throwable f = j.failure;
                if (f instanceof RuntimeException r) {
                    throw r;
                }
                if (f instanceof Error e) {
                    throw e;
                }
                if (f != null) {
                    throw new IllegalStateException("parallel kernel failed", f);
                }
                return true;
            } finally {
                WORKER.set(Boolean.FALSE);
                busy.set(0);
            }
        }

        private void workLoop() {
            WORKER.set(Boolean.TRUE);
            Job last = null;
            while (!shutdown) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                Job j;
                while (((j = job) == null || j == last) && !shutdown) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                if (j != null && j != last) {
                    last = j;
                    j.runChunks();
                }
            }
        }

        void shutdown() {
            shutdown = true;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }
    }
}
