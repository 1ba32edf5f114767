package dev.recur.bench;

import dev.recur.kernel.Activations;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Parallel;
import dev.recur.kernel.Unary;
import dev.recur.kernel.VectorKernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Elementwise kernels and the candidates they were chosen from (DESIGN.md, "Backend"): scalar
 * {@code Math}; the Vector API's lanewise {@code TANH}/{@code EXP} (Intel SVML on x64, fastest
 * but not reproducible: its interpreter fallback and its compiled code differ in the last bit for
 * 0.4% of inputs); an Eigen-style rational tanh (fast, 4e-7 error, no exact saturation); and the
 * polynomials Recur uses ({@link Activations}). Scores are ns per element for the benchmarks on
 * {@code Small} (4096 floats, in L1), ns per call for the others; add moves 12 bytes per element.
 * <pre>
 *   mvn -q -o -pl recur-core,recur-bench package -DskipTests
 *   mvn -q -o -pl recur-bench dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java --add-modules jdk.incubator.vector -cp "recur-bench/target/classes:recur-core/target/classes:$(cat recur-bench/cp.txt)" \
 *        org.openjdk.jmh.Main ElementwiseBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ElementwiseBenchmark {

    private static final VectorSpecies<Float> S = Activations.SPECIES;
    private static final int SMALL = 4096;

    /** 4096 gate pre-activations in [-8, 8], single-threaded. */
    @State(Scope.Thread)
    public static class Small {
        final float[] x = uniform(SMALL, 8f, 1);
        final float[] y = new float[SMALL];
    }

    /** Large arrays through the kernels, on 1 or 2 threads. */
    @State(Scope.Thread)
    public static class Large {
        @Param({"1048576", "16777216"})
        int n;
        @Param({"1", "2"})
        int threads;
        float[] a, b, y;
        final Kernels kernels = new VectorKernels();

        @Setup
        public void setUp() {
            Parallel.setThreads(threads);
            a = uniform(n, 8f, 2);
            b = uniform(n, 8f, 3);
            y = new float[n];
        }
    }

    /** A [rows, cols] block of logits for the softmax family and column sums. */
    @State(Scope.Thread)
    public static class Rows {
        @Param({"64x1024", "256x32000"})
        String shape;
        int rows, cols;
        float[] x, y, out;
        final Kernels kernels = new VectorKernels();

        @Setup
        public void setUp() {
            Parallel.setThreads(1);
            rows = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
            cols = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
            x = uniform(rows * cols, 10f, 4);
            y = new float[rows * cols];
            out = new float[Math.max(rows, cols)];
        }
    }

    // ---- tanh ------------------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] tanhScalarMath(Small s) {
        for (int i = 0; i < SMALL; i++) {
            s.y[i] = (float) Math.tanh(s.x[i]);
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] tanhLanewise(Small s) {
        for (int i = 0; i < SMALL; i += S.length()) {
            FloatVector.fromArray(S, s.x, i).lanewise(VectorOperators.TANH).intoArray(s.y, i);
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] tanhRational(Small s) {
        for (int i = 0; i < SMALL; i += S.length()) {
            rationalTanh(FloatVector.fromArray(S, s.x, i)).intoArray(s.y, i);
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] tanhRecur(Small s) {
        Activations.tanh(s.x, 0, s.y, 0, SMALL);
        return s.y;
    }

    // ---- sigmoid ---------------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] sigmoidScalarMath(Small s) {
        for (int i = 0; i < SMALL; i++) {
            s.y[i] = (float) (1.0 / (1.0 + Math.exp(-s.x[i])));
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] sigmoidLanewiseExp(Small s) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < SMALL; i += S.length()) {
            one.div(FloatVector.fromArray(S, s.x, i).neg().lanewise(VectorOperators.EXP).add(one)).intoArray(s.y, i);
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] sigmoidRecur(Small s) {
        Activations.sigmoid(s.x, 0, s.y, 0, SMALL);
        return s.y;
    }

    // ---- exp ---------------------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] expScalarMath(Small s) {
        for (int i = 0; i < SMALL; i++) {
            s.y[i] = (float) Math.exp(s.x[i]);
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] expLanewise(Small s) {
        for (int i = 0; i < SMALL; i += S.length()) {
            FloatVector.fromArray(S, s.x, i).lanewise(VectorOperators.EXP).intoArray(s.y, i);
        }
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] expRecur(Small s) {
        Activations.exp(s.x, 0, s.y, 0, SMALL);
        return s.y;
    }

    // ---- through the kernels: unary, add (GB/s = 12 bytes * n / time), sum ---------------------

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] kernelTanhSmall(Small s) {
        KERNELS.unary(Unary.TANH, s.x, 0, s.y, 0, SMALL);
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] kernelAddSmall(Small s) {
        KERNELS.binary(Binary.ADD, s.x, 0, s.x, 0, s.y, 0, SMALL);
        return s.y;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public float[] scalarAddSmall(Small s) {
        for (int i = 0; i < SMALL; i++) {
            s.y[i] = s.x[i] + s.x[i];
        }
        return s.y;
    }

    @Benchmark
    public float[] kernelAdd(Large l) {
        l.kernels.binary(Binary.ADD, l.a, 0, l.b, 0, l.y, 0, l.n);
        return l.y;
    }

    @Benchmark
    public float[] kernelTanh(Large l) {
        l.kernels.unary(Unary.TANH, l.a, 0, l.y, 0, l.n);
        return l.y;
    }

    @Benchmark
    public double kernelSum(Large l) {
        return l.kernels.sum(l.a, 0, l.n);
    }

    // ---- rows --------------------------------------------------------------------------------------

    @Benchmark
    public float[] softmaxRows(Rows r) {
        r.kernels.softmaxRows(r.x, 0, r.y, 0, r.rows, r.cols);
        return r.y;
    }

    @Benchmark
    public float[] logSoftmaxRows(Rows r) {
        r.kernels.logSoftmaxRows(r.x, 0, r.y, 0, r.rows, r.cols);
        return r.y;
    }

    @Benchmark
    public float[] sumRows(Rows r) {
        r.kernels.sumRows(r.x, 0, r.rows, r.cols, r.out, 0);
        return r.out;
    }

    private static final Kernels KERNELS = new VectorKernels();

    /**
     * Eigen's {@code generic_fast_tanh_float}: a [13/6] rational function on x clamped to
     * [-7.9053, 7.9053]. Public so that an accuracy check can call it.
     */
    public static FloatVector rationalTanh(FloatVector x) {
        FloatVector c = x.max(-7.90531110763549805f).min(7.90531110763549805f);
        FloatVector z = c.mul(c);
        FloatVector p = z.fma(-2.76076847742355e-16f, 2.00018790482477e-13f)
                .fma(z, k(-8.60467152213735e-11f)).fma(z, k(5.12229709037114e-08f))
                .fma(z, k(1.48572235717979e-05f)).fma(z, k(6.37261928875436e-04f))
                .fma(z, k(4.89352455891786e-03f)).mul(c);
        FloatVector q = z.fma(1.19825839466702e-06f, 1.18534705686654e-04f)
                .fma(z, k(2.26843463243900e-03f)).fma(z, k(4.89352518554385e-03f));
        return p.div(q);
    }

    private static FloatVector k(float v) {
        return FloatVector.broadcast(S, v);
    }

    private static float[] uniform(int n, float range, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (random.nextFloat() * 2 - 1) * range;
        }
        return x;
    }
}
