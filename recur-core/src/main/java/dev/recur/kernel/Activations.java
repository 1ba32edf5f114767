package dev.recur.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision {@code exp}, {@code log}, {@code tanh} and {@code sigmoid} on the Vector API:
 * the gate nonlinearities of recurrent cells and the transcendental functions of
 * {@link VectorKernels}.
 *
 * <p>Two levels, for two kinds of caller. The range methods ({@code tanh(x, xOff, y, yOff, n)})
 * map {@code n} floats on the calling thread with no allocation; a fused recurrent kernel calls
 * them on a gate block inside its time loop (y may be x itself). The vector methods
 * ({@code tanh(FloatVector)}) work on one register of {@link #SPECIES}, for kernels that fuse a
 * nonlinearity with the arithmetic around it. Prefer the range calls: each function expands to
 * 20-40 vector operations, and past a node budget C2 stops inlining and boxes the vectors that
 * cross a call on the heap (a tanh loop that hit the limit ran at 2.3 ns per element instead of
 * 0.8). Measured on an LSTM step at hidden size 512: one loop applying the three sigmoids and two
 * tanh hit that limit and ran no faster than range calls on the four gate blocks (3.9 us per
 * row either way). For the same reason the constants below are {@code static final} vectors and
 * the functions call no helpers.
 *
 * <p>Each function is a Cephes polynomial written with adds, multiplies, fused multiply-adds, one
 * division and bit operations, each one correctly rounded IEEE operation, so a result has the
 * same bits in the interpreter and in compiled code, on any thread. The Vector API's lanewise
 * {@code EXP}/{@code TANH} (Intel SVML) were measured too: 1.4-2x faster and correctly rounded
 * once compiled, but the compiled SVML results differ from the scalar fallback that runs before
 * C2 compiles the loop in the last bit for 0.4% of inputs in [-20, 20], so a seeded run would
 * depend on JIT timing (a 1-thread vs 2-thread test caught it); and a JDK without its native
 * vector math library (SVML on x64, SLEEF where bundled on aarch64) computes them lane by lane in
 * scalar Java (ElementwiseBenchmark).
 *
 * <p>Errors measured over every float (all 2^32 inputs) against {@code Math} in double:
 * <pre>
 *   function  max error   max abs error (|y| <= 1)   special values
 *   exp       1.01 ulp    -                          exp(-inf) = 0, exp(x) = +inf exactly when it overflows
 *   log       0.83 ulp    -                          log(+-0) = -inf, log(x < 0) = NaN, log(+inf) = +inf
 *   tanh      1.46 ulp    8.7e-8                     exactly +-1 for |x| >= 9.02, tanh(-0) = -0
 *   sigmoid   2.40 ulp    8.9e-8                     exactly 1 for x >= 16.7, 0 at -inf, 1/2 at 0
 * </pre>
 * NaN in gives NaN out; no other input gives NaN, and results that are subnormal floats are kept,
 * not flushed to zero.
 */
public final class Activations {

    /** The vector shape every kernel uses: the widest the CPU has (16 floats with AVX-512). */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private static final int LANES = SPECIES.length();

    // exp: x = n ln2 + r with |r| <= ln2 / 2; exp(r) by a degree-7 polynomial; 2^n by exponent bits.
    private static final float EXP_HI = 89f;          // exp(89) overflows: clamping keeps n in range
    private static final float EXP_LO = -104f;        // exp(-104) < 2^-150 rounds to 0
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f; // ln 2 = LN2_HI + LN2_LO, LN2_HI with 9 bits
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f;     // 1.5 * 2^23: adding it rounds to an integer
    private static final FloatVector MINUS_LN2_HI = k(-LN2_HI), MINUS_LN2_LO = k(-LN2_LO);
    private static final float E0 = 1.9875691500e-4f, E1 = 1.3981999507e-3f;
    private static final FloatVector E2 = k(8.3334519073e-3f), E3 = k(4.1665795894e-2f),
            E4 = k(1.6666665459e-1f), E5 = k(5.0000001201e-1f);

    // tanh(x) = x + x^3 P(x^2) for |x| < 0.625, else 1 - 2e / (1 + e) with e = exp(-2|x|).
    private static final float TANH_SMALL = 0.625f;
    private static final FloatVector ONE = k(1f);
    private static final float T0 = -5.70498872745e-3f, T1 = 2.06390887954e-2f;
    private static final FloatVector T2 = k(-5.37397155531e-2f), T3 = k(1.33314422036e-1f),
            T4 = k(-3.33332819422e-1f);

    // log: x = m 2^e with m in [sqrt(1/2), sqrt(2)); log(m) = f - f^2/2 + f^3 P(f), f = m - 1.
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float L0 = 7.0376836292e-2f, L1 = -1.1514610310e-1f;
    private static final FloatVector L2 = k(1.1676998740e-1f), L3 = k(-1.2420140846e-1f),
            L4 = k(1.4249322787e-1f), L5 = k(-1.6668057665e-1f), L6 = k(2.0000714765e-1f),
            L7 = k(-2.4999993993e-1f), L8 = k(3.3333331174e-1f);
    private static final FloatVector LOG_LN2_LO = k(LN2_LO), LOG_LN2_HI = k(LN2_HI), MINUS_HALF = k(-0.5f);
    private static final FloatVector NAN = k(Float.NaN);

    private Activations() {
    }

    // ---- ranges: y[yOff + i] = f(x[xOff + i]) for i in [0, n); y may be x ----------------------

    /** {@code y[yOff + i] = exp(x[xOff + i])} for i in [0, n). */
    public static void exp(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            exp(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            exp(FloatVector.fromArray(SPECIES, x, xOff + i, m)).intoArray(y, yOff + i, m);
        }
    }

    /** {@code y[yOff + i] = log(x[xOff + i])} for i in [0, n). */
    public static void log(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            log(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            log(FloatVector.fromArray(SPECIES, x, xOff + i, m)).intoArray(y, yOff + i, m);
        }
    }

    /** {@code y[yOff + i] = tanh(x[xOff + i])} for i in [0, n): an LSTM's cell input and output. */
    public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            tanh(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            tanh(FloatVector.fromArray(SPECIES, x, xOff + i, m)).intoArray(y, yOff + i, m);
        }
    }

    /** {@code y[yOff + i] = 1 / (1 + exp(-x[xOff + i]))} for i in [0, n): the gates of LSTM and GRU. */
    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            sigmoid(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            sigmoid(FloatVector.fromArray(SPECIES, x, xOff + i, m)).intoArray(y, yOff + i, m);
        }
    }

    // ---- one register ---------------------------------------------------------------------------

    /** {@code exp(x)} lane by lane: 0 below -103.9, +inf above 88.72, subnormal results kept. */
    public static FloatVector exp(FloatVector x) {
        // clamp by compare-and-blend so that NaN passes through (it fails both comparisons)
        x = x.blend(EXP_LO, x.lt(EXP_LO)).blend(EXP_HI, x.compare(VectorOperators.GT, EXP_HI));
        FloatVector shifted = x.fma(LOG2E, ROUND);                     // ROUND + round(x / ln 2)
        FloatVector n = shifted.sub(ROUND);
        FloatVector r = n.fma(MINUS_LN2_HI, x).add(n.mul(MINUS_LN2_LO)); // x - n ln 2; n * LN2_HI is exact
        FloatVector p = r.fma(E0, E1).fma(r, E2).fma(r, E3).fma(r, E4).fma(r, E5);
        p = p.fma(r.mul(r), r).add(1f);                                 // 1 + r + r^2 (E5 + E4 r + ...)
        // 2^n = 2^n1 * 2^n2 with n1 = n >> 1, n2 = n - n1: both stay normal floats for n in [-150, 128]
        IntVector ni = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUND));
        IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
        IntVector n2 = ni.sub(n1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /** {@code tanh(x)} lane by lane: exactly +-1 for |x| >= 9.02, -0 for -0. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector e = exp(a.mul(-2f));                               // at most 0.29 where it is used
        FloatVector big = ONE.sub(e.add(e).div(e.add(1f)));             // 1 - 2e / (1 + e): no cancellation
        FloatVector z = x.mul(x);
        FloatVector small = z.fma(T0, T1).fma(z, T2).fma(z, T3).fma(z, T4).mul(z).fma(x, x);
        return big.blend(small, a.lt(TANH_SMALL)).reinterpretAsInts()   // tanh(|x|), then x's sign
                  .or(x.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats();
    }

    /** {@code log(x)} lane by lane: -inf for +-0, NaN below 0 and for NaN, +inf for +inf, accurate for subnormals. */
    public static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.lt(Float.MIN_NORMAL);          // (and x <= 0: replaced at the end)
        IntVector bits = x.blend(x.mul(0x1p23f), subnormal).reinterpretAsInts();
        FloatVector e = (FloatVector) bits.lanewise(VectorOperators.LSHR, 23).sub(126)
                .convert(VectorOperators.I2F, 0);                       // x = m 2^e with m in [0.5, 1)
        e = e.blend(e.sub(23f), subnormal);
        FloatVector m = bits.and(0x007fffff).or(0x3f000000).reinterpretAsFloats();
        VectorMask<Float> low = m.lt(SQRT_HALF);                       // move m to [sqrt(1/2), sqrt(2))
        FloatVector f = m.blend(m.add(m), low).sub(1f);
        e = e.blend(e.sub(1f), low);
        FloatVector z = f.mul(f);
        FloatVector p = f.fma(L0, L1).fma(f, L2).fma(f, L3).fma(f, L4).fma(f, L5).fma(f, L6).fma(f, L7).fma(f, L8);
        FloatVector y = z.fma(MINUS_HALF, e.fma(LOG_LN2_LO, p.mul(f).mul(z)));
        FloatVector result = e.fma(LOG_LN2_HI, f.add(y));              // f - f^2/2 + f^3 P(f) + e ln 2
        FloatVector special = NAN.blend(Float.NEGATIVE_INFINITY, x.eq(0f))
                                 .blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY));
        return result.blend(special, x.compare(VectorOperators.GT, 0f).and(x.lt(Float.POSITIVE_INFINITY)).not());
    }

    /** {@code 1 / (1 + exp(-x))} lane by lane, as {@link Unary#SIGMOID} defines it: exactly 1 for x >= 16.7, 0 at -inf. */
    public static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());                             // exp(-|x|) in [0, 1]: never overflows
        return e.blend(1f, x.compare(VectorOperators.GE, 0f)).div(e.add(1f)); // x >= 0 ? 1 / (1 + e) : e / (1 + e)
    }

    private static FloatVector k(float value) {
        return FloatVector.broadcast(SPECIES, value);
    }
}
