package dev.recur.bench.jmh;

import dev.recur.kernel.Kernels;
import dev.recur.kernel.OpenBlas;
import dev.recur.kernel.OpenBlasKernels;
import dev.recur.kernel.Parallel;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.VectorKernels;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH micro-benchmark of single-precision gemm: Recur's Vector API kernel against OpenBLAS, on
 * the shapes of {@code recur bench gemm} plus tiny recurrent-step products. Time per call; the
 * GFLOP/s are {@code 2*m*k*n / time}. ({@code recur bench gemm} is the quicker, interleaved
 * comparison; use this one for a careful look at one shape.)
 *
 * <p>Run it from the repository root (the annotation processor has already generated the JMH
 * harness into {@code recur-bench/target/classes} during the build):
 * <pre>
 *   mvn -q -o package -DskipTests
 *   mvn -q -o -pl recur-bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *       -Dmdep.includeScope=runtime -DexcludeGroupIds=dev.recur
 *   java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *       -cp recur-bench/target/classes:recur-core/target/classes:$(cat recur-bench/target/cp.txt) \
 *       dev.recur.bench.jmh.GemmJmh -p shape=64x512x2048 -p threads=2    # any JMH option
 * </pre>
 * (Put {@code recur-core/target/classes} on the class path explicitly: the local Maven
 * repository may hold an older recur-core.) The defaults warm up for 5 x 1 s, enough for the JIT
 * to compile the Vector API kernels on a quiet machine; on a busy one raise {@code -wi}.
 * The openblas rows fail with a clear message where {@code libopenblas.so.0} is not installed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GemmJmh {

    /** m x k x n. */
    @Param({"32x256x1024", "64x512x2048", "1x512x2048", "512x512x512", "32x20x80", "8x8x8"})
    public String shape;

    @Param({"java-vector", "openblas"})
    public String backend;

    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private int m;
    private int k;
    private int n;
    private float[] a; // [m, k]
    private float[] b; // [k, n]
    private float[] c; // [m, n]

    @Setup
    public void setUp() {
        String[] mkn = shape.split("x");
        m = Integer.parseInt(mkn[0]);
        k = Integer.parseInt(mkn[1]);
        n = Integer.parseInt(mkn[2]);
        SplittableRandom rnd = new SplittableRandom(42);
        a = random(rnd, m * k);
        b = random(rnd, k * n);
        c = new float[m * n];
        Parallel.setThreads(threads);
        if (backend.equals("openblas")) {
            if (!OpenBlas.isAvailable()) {
                throw new IllegalStateException("OpenBLAS is not installed (" + OpenBlas.problem()
                        + "); apt-get install libopenblas0-pthread, or run with -p backend=java-vector");
            }
            kernels = new OpenBlasKernels();
        } else {
            kernels = new VectorKernels();
        }
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    @Benchmark
    public float[] gemm() {
        kernels.gemm(Transpose.N, Transpose.N, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        return c;
    }

    /** Runs this benchmark; JMH's command-line options (e.g. {@code -p shape=8x8x8 -f 1}) apply. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args)).include(GemmJmh.class.getName())
                .build()).run();
    }
}
