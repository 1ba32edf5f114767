package dev.recur.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision elementwise kernels of {@link VectorKernels} on the Vector API; the reductions
 * and the softmax family are in {@link VectorMathReductions}, the transcendental functions in
 * {@link Activations}.
 *
 * <p>Arrays longer than a grain are split across {@link Parallel} threads by contiguous index
 * ranges. Every output element is a pure function of its inputs (the last partial vector goes
 * through the same code, masked, and every operation is exact IEEE arithmetic, the same
 * interpreted or compiled), so results are bit-identical for any thread count and any offset.
 *
 * <p>Results against {@link ReferenceKernels}: NEG, ABS, SQRT, SQUARE, RECIPROCAL, RELU and every
 * {@link Binary} op are bit-identical; {@code axpy} rounds once (a fused multiply-add) where the
 * reference rounds twice; EXP, LOG, TANH and SIGMOID are within the bounds given in
 * {@link Activations}.
 */
final class VectorMath {

    private static final VectorSpecies<Float> S = Activations.SPECIES;
    private static final int L = S.length();

    // Elements per thread, at least. Measured on the 2-core VM under load: a parallel dispatch costs
    // ~10 us; two threads beat one from 64k elements for tanh (~1 ns each) and 128k for add.
    /** Grain of the memory-bound ops (add, relu, axpy, sums). */
    static final int CHEAP_GRAIN = 1 << 16;
    /** Grain of the transcendental functions and the softmax family. */
    static final int COSTLY_GRAIN = 1 << 14;

    private VectorMath() {
    }

    static void unary(Unary f, float[] x, int xOff, float[] y, int yOff, int n) {
        switch (f) {
            case EXP -> Parallel.forRange(n, COSTLY_GRAIN, (s, e) -> Activations.exp(x, xOff + s, y, yOff + s, e - s));
            case LOG -> Parallel.forRange(n, COSTLY_GRAIN, (s, e) -> Activations.log(x, xOff + s, y, yOff + s, e - s));
            case TANH -> Parallel.forRange(n, COSTLY_GRAIN, (s, e) -> Activations.tanh(x, xOff + s, y, yOff + s, e - s));
            case SIGMOID -> Parallel.forRange(n, COSTLY_GRAIN, (s, e) -> Activations.sigmoid(x, xOff + s, y, yOff + s, e - s));
            default -> Parallel.forRange(n, CHEAP_GRAIN, (s, e) -> simpleUnary(f, x, xOff + s, y, yOff + s, e - s));
        }
    }

    static void binary(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        Parallel.forRange(n, CHEAP_GRAIN, (s, e) -> binaryRange(f, a, aOff + s, b, bOff + s, y, yOff + s, e - s));
    }

    /** {@code y[r, c] = f(a[r, c], b[c])}; the rows are split across threads. */
    static void binaryRow(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int rows, int cols) {
        if (rows == 1) {
            binary(f, a, aOff, b, bOff, y, yOff, cols);
            return;
        }
        Parallel.forRange(rows, Math.max(1, CHEAP_GRAIN / Math.max(1, cols)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                binaryRange(f, a, aOff + r * cols, b, bOff, y, yOff + r * cols, cols);
            }
        });
    }

    /** {@code y[i] = fma(alpha, x[i], y[i])}, rounded once. */
    static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Parallel.forRange(n, CHEAP_GRAIN, (s, e) -> axpyRange(e - s, alpha, x, xOff + s, y, yOff + s));
    }

    static double sum(float[] x, int off, int n) {
        return VectorMathReductions.sum(x, off, n);
    }

    static void sumRows(float[] x, int xOff, int rows, int cols, float[] y, int yOff) {
        VectorMathReductions.sumRows(x, xOff, rows, cols, y, yOff);
    }

    static void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        VectorMathReductions.softmaxRows(x, xOff, y, yOff, rows, cols);
    }

    static void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        VectorMathReductions.logSoftmaxRows(x, xOff, y, yOff, rows, cols);
    }

    static void logSumExpRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        VectorMathReductions.logSumExpRows(x, xOff, y, yOff, rows, cols);
    }

    // ---- single-threaded range loops ------------------------------------------------------------

    private static void simpleUnary(Unary f, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            simple(f, FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            simple(f, FloatVector.fromArray(S, x, xOff + i, m)).intoArray(y, yOff + i, m);
        }
    }

    private static FloatVector simple(Unary f, FloatVector v) {
        return switch (f) {
            case NEG -> v.neg();
            case RELU -> v.blend(0f, v.compare(VectorOperators.GT, 0f).not()); // x > 0 ? x : 0, as defined
            case SQRT -> v.sqrt();
            case ABS -> v.abs();
            case SQUARE -> v.mul(v);
            case RECIPROCAL -> FloatVector.broadcast(S, 1f).div(v);
            case EXP, LOG, TANH, SIGMOID -> throw new AssertionError(f + " has its own loop");
        };
    }

    private static void binaryRange(Binary f, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            apply(f, FloatVector.fromArray(S, a, aOff + i), FloatVector.fromArray(S, b, bOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            apply(f, FloatVector.fromArray(S, a, aOff + i, m), FloatVector.fromArray(S, b, bOff + i, m))
                    .intoArray(y, yOff + i, m);
        }
    }

    private static FloatVector apply(Binary f, FloatVector a, FloatVector b) {
        return switch (f) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MAX -> a.max(b); // Math.max semantics: NaN wins, +0 > -0
            case MIN -> a.min(b);
        };
    }

    private static void axpyRange(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xOff + i, m).fma(va, FloatVector.fromArray(S, y, yOff + i, m))
                    .intoArray(y, yOff + i, m);
        }
    }
}
