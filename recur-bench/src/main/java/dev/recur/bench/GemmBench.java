package dev.recur.bench;

import dev.recur.kernel.Kernels;
import dev.recur.kernel.OpenBlas;
import dev.recur.kernel.Parallel;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.VectorKernels;

import java.lang.management.CompilationMXBean;
import javax.management.JMException;
import javax.management.ObjectName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code recur bench gemm}: single-precision matrix-multiply throughput of Recur's Vector API
 * kernel against the system OpenBLAS when it is installed.
 *
 * <p>Machine load drifts by up to +-30% here, so the backends are interleaved: each round times
 * a batch of calls of each backend (alternating which goes first), and the figures are medians
 * over rounds; the ratio is the median of the per-round ratios. OpenBLAS is measured with its
 * best call for the shape ({@code sgemv} when m = 1 or n = 1) and the same thread count.
 */
public final class GemmBench {

    /** A product C[m, n] = A[m, k] B[k, n]. */
    public record Shape(int m, int k, int n) {
        public Shape {
            if (m < 1 || k < 1 || n < 1) {
                throw new IllegalArgumentException("gemm shape must have m, k, n >= 1, got " + m + "x" + k + "x" + n);
            }
        }

        /** Parses {@code "32x256x1024"} (m x k x n). */
        public static Shape parse(String text) {
            String[] parts = text.trim().split("x");
            if (parts.length != 3) {
                throw new IllegalArgumentException("gemm shape must look like MxKxN (e.g. 32x256x1024), got '"
                        + text + "'");
            }
            try {
                return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gemm shape must look like MxKxN with whole numbers "
                        + "(e.g. 32x256x1024), got '" + text + "'", e);
            }
        }

        double flops() {
            return 2.0 * m * k * n;
        }

        @Override
        public String toString() {
            return m + "x" + k + "x" + n;
        }
    }

    /** How long to measure: warm-up per backend and shape, time per timed batch, and rounds. */
    public record Budget(long warmupMillis, long batchMillis, int rounds) {
        public Budget {
            if (warmupMillis < 0 || batchMillis < 1 || rounds < 1) {
                throw new IllegalArgumentException("gemm bench budget needs warmup >= 0 ms, batch >= 1 ms and "
                        + "rounds >= 1, got " + warmupMillis + " ms, " + batchMillis + " ms, " + rounds);
            }
        }

        /** The default: about one and a half seconds per shape. */
        public static final Budget DEFAULT = new Budget(400, 40, 9);
    }

    /**
     * One backend's figure for one shape. {@code call} names the routine timed ({@code "gemm"},
     * {@code "sgemm"}, {@code "sgemv"}); {@code ratioVsOpenBlas} is set on Recur's result when
     * OpenBLAS was measured too, else NaN.
     */
    public record Result(String backend, String call, Shape shape, int threads, double gflops,
                         double ratioVsOpenBlas) {
        public Result {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(shape, "shape");
        }

        /** One JSON object on one line. */
        public String toJson() {
            JsonLine line = new JsonLine()
                    .put("bench", "gemm")
                    .put("backend", backend)
                    .put("call", call)
                    .put("m", shape.m())
                    .put("k", shape.k())
                    .put("n", shape.n())
                    .put("threads", threads)
                    .put("gflops", round(gflops));
            if (!Double.isNaN(ratioVsOpenBlas)) {
                line.put("ratio_vs_openblas", round(ratioVsOpenBlas));
            }
            return line.toString();
        }
    }

    /** The shapes of {@code recur bench gemm}: recurrent-layer products, a batch-1 step, and two squares. */
    public static final List<Shape> DEFAULT_SHAPES = List.of(
            new Shape(32, 256, 1024), new Shape(64, 512, 2048), new Shape(128, 1024, 4096),
            new Shape(1, 512, 2048), new Shape(512, 512, 512), new Shape(2048, 2048, 2048));

    public static final String JAVA = "java-vector";
    public static final String OPENBLAS = "openblas";

    private GemmBench() {
    }

    /** Measures every shape with the current {@link Parallel#threads()}; OpenBLAS too when available. */
    public static List<Result> run(List<Shape> shapes, Budget budget, boolean withOpenBlas) {
        List<Result> results = new ArrayList<>();
        run(shapes, budget, withOpenBlas, results::addAll);
        return results;
    }

    /** As {@link #run(List, Budget, boolean)}, handing over each shape's results as soon as they are measured. */
    public static void run(List<Shape> shapes, Budget budget, boolean withOpenBlas, Consumer<List<Result>> perShape) {
        int threads = Parallel.threads();
        boolean openblas = withOpenBlas && OpenBlas.isAvailable();
        if (openblas) {
            OpenBlas.setThreads(threads);
        }
        if (budget.warmupMillis() >= 100) {
            warmUpJit(budget);
        }
        for (Shape s : shapes) {
            perShape.accept(measure(s, budget, threads, openblas));
        }
    }

    private static List<Result> measure(Shape s, Budget budget, int threads, boolean openblas) {
        SplittableRandom rnd = new SplittableRandom(42);
        float[] a = random(rnd, s.m * s.k);
        float[] b = random(rnd, s.k * s.n);
        float[] c = new float[s.m * s.n];
        Kernels java = new VectorKernels();
        Runnable javaCall = () -> java.gemm(Transpose.N, Transpose.N, s.m, s.n, s.k, 1f, a, 0, s.k, b, 0, s.n,
                0f, c, 0, s.n);
        Runnable blasCall = openblas ? openBlasCall(s, a, b, c) : null;

        int javaBatch = warmUp(javaCall, budget);
        int blasBatch = openblas ? warmUp(blasCall, budget) : 0;
        double[] javaRates = new double[budget.rounds()];
        double[] blasRates = new double[budget.rounds()];
        double[] ratios = new double[budget.rounds()];
        for (int r = 0; r < budget.rounds(); r++) {
            if (openblas && r % 2 == 1) {
                blasRates[r] = rate(blasCall, blasBatch, s);
                javaRates[r] = rate(javaCall, javaBatch, s);
            } else {
                javaRates[r] = rate(javaCall, javaBatch, s);
                blasRates[r] = openblas ? rate(blasCall, blasBatch, s) : Double.NaN;
            }
            ratios[r] = javaRates[r] / blasRates[r];
        }
        List<Result> out = new ArrayList<>();
        out.add(new Result(JAVA, "gemm", s, threads, median(javaRates), openblas ? median(ratios) : Double.NaN));
        if (openblas) {
            out.add(new Result(OPENBLAS, s.m == 1 || s.n == 1 ? "sgemv" : "sgemm", s, threads, median(blasRates),
                    Double.NaN));
        }
        return out;
    }

    /**
     * Gets the Java kernels compiled before the first measurement: interpreted, Vector API code
     * runs about 100x slower, and the first shape measured would otherwise pay for it.
     */
    private static void warmUpJit(Budget budget) {
        Kernels java = new VectorKernels();
        // packed B with three k blocks and ragged edges, B read in place, a matrix-vector product
        for (Shape s : List.of(new Shape(40, 800, 1000), new Shape(24, 200, 500), new Shape(1, 512, 1024))) {
            float[] a = new float[s.m * s.k];
            float[] b = new float[s.k * s.n];
            float[] c = new float[s.m * s.n];
            warmUp(() -> java.gemm(Transpose.N, Transpose.N, s.m, s.n, s.k, 1f, a, 0, s.k, b, 0, s.n, 0f, c, 0, s.n),
                    new Budget(budget.warmupMillis() * 2, budget.batchMillis(), 1));
        }
    }

    /** OpenBLAS's best call for the shape: a matrix-vector product when one side is a vector. */
    private static Runnable openBlasCall(Shape s, float[] a, float[] b, float[] c) {
        if (s.m == 1) { // c[n] = B^T a, B stored [k, n]
            return () -> OpenBlas.sgemv(Transpose.T, s.k, s.n, 1f, b, 0, s.n, a, 0, 1, 0f, c, 0, 1);
        }
        if (s.n == 1) { // c[m] = A b, A stored [m, k]
            return () -> OpenBlas.sgemv(Transpose.N, s.m, s.k, 1f, a, 0, s.k, b, 0, 1, 0f, c, 0, 1);
        }
        return () -> OpenBlas.sgemm(Transpose.N, Transpose.N, s.m, s.n, s.k, 1f, a, 0, s.k, b, 0, s.n,
                0f, c, 0, s.n);
    }

    /**
     * Runs the call for at least the warm-up time, then until two successive timed batches agree
     * within 10%, the JIT compiled nothing during the last one and has nothing compiling or queued
     * (Vector API code runs 100x slower before the JIT compiles it, and a new branch can send it
     * back for a while), at most 30 warm-up times; returns how many calls fill one timed batch.
     * On a loaded machine the optimising compile of the kernel took 1.7 s and finished after a
     * 3 s warm-up: two batches of the slow code agreed, and the figures were the slow code's.
     */
    private static int warmUp(Runnable call, Budget budget) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long limit = Math.max(1, budget.warmupMillis()) * 30_000_000L;
        double previous = 0;
        double perCall;
        while (true) {
            long compiled = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            long calls = 0;
            do {
                call.run();
                calls++;
            } while (System.nanoTime() - t0 < budget.batchMillis() * 1_000_000L);
            perCall = (double) (System.nanoTime() - t0) / calls;
            long elapsed = System.nanoTime() - start;
            boolean stable = previous > 0 && Math.abs(perCall - previous) <= 0.1 * previous
                    && jit.getTotalCompilationTime() == compiled && jitIdle();
            if (elapsed >= limit || (elapsed >= budget.warmupMillis() * 1_000_000L && stable)) {
                break;
            }
            previous = perCall;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget.batchMillis() * 1e6 / perCall));
    }

    /**
     * Whether the JIT has nothing compiling or queued, from HotSpot's {@code compilerQueue}
     * diagnostic command ({@code jcmd PID Compiler.queue}); true when the JVM cannot tell.
     */
    private static boolean jitIdle() {
        try {
            Object report = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return !(report instanceof String text) || compilerQueueIdle(text);
        } catch (JMException | RuntimeException e) {
            return true;
        }
    }

    /** A {@code Compiler.queue} report lists no task: every line is a heading or "Empty". */
    static boolean compilerQueueIdle(String report) {
        return report.lines().map(String::strip)
                .allMatch(line -> line.isEmpty() || line.endsWith(":") || line.equals("Empty"));
    }

    private static double rate(Runnable call, int batch, Shape s) {
        long t0 = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            call.run();
        }
        long nanos = Math.max(1, System.nanoTime() - t0);
        return s.flops() * batch / nanos; // flops per ns = GFLOP/s
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    /** Four significant digits: measurements drift far more than that. */
    private static double round(double x) {
        return x == 0 || !Double.isFinite(x) ? x : new BigDecimal(x).round(new MathContext(4)).doubleValue();
    }

    /** The header of the readable table. */
    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-16s %7s %14s %22s %8s%n", "m x k x n", "threads", "java GFLOP/s",
                "OpenBLAS GFLOP/s", "ratio");
    }

    /** One row of the readable table: one shape's results, both backends side by side. */
    public static String tableRow(List<Result> shapeResults) {
        Result java = shapeResults.get(0);
        String blas = "-";
        if (shapeResults.size() > 1) {
            Result b = shapeResults.get(1);
            blas = String.format(Locale.ROOT, "%.1f (%s)", b.gflops(), b.call());
        }
        String ratio = Double.isNaN(java.ratioVsOpenBlas()) ? "-"
                : String.format(Locale.ROOT, "%.2f", java.ratioVsOpenBlas());
        return String.format(Locale.ROOT, "%-16s %7d %14.1f %22s %8s%n", java.shape(), java.threads(), java.gflops(),
                blas, ratio);
    }
}
