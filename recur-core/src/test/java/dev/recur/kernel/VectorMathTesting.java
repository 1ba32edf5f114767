package dev.recur.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/** Inputs and float comparisons shared by the VectorMath tests. */
final class VectorMathTesting {

    /** Sizes around the vector width (16 with AVX-512), a grain, and past the parallel threshold. */
    static final int[] SIZES = {0, 1, 7, 16, 17, 1000, 100003};

    static final Kernels VECTOR = new VectorKernels();
    static final Kernels REFERENCE = new ReferenceKernels();

    private static final float[] SPECIALS = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        1e30f, -1e30f, 1e-40f, -1e-40f, 88.8f, -88.8f, 9.5f, -9.5f, 1e-5f, 1f};

    private VectorMathTesting() {
    }

    /** n uniform floats in [-range, range] after {@code pad} leading garbage, with specials sprinkled in when asked. */
    static float[] random(long seed, int pad, int n, float range, boolean specials) {
        Random random = new Random(seed);
        float[] x = new float[pad + n + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (random.nextFloat() * 2 - 1) * range;
            if (specials && random.nextInt(50) == 0) {
                x[i] = SPECIALS[random.nextInt(SPECIALS.length)];
            }
        }
        return x;
    }

    /**
     * Asserts {@code |actual - expected| <= ulps * ulp(expected)} over [off, off + n), where
     * infinities and NaN must match exactly and subnormal results are compared in units of
     * the smallest subnormal.
     */
    static void assertUlps(String what, float[] expected, float[] actual, int off, int n, double ulps) {
        for (int i = off; i < off + n; i++) {
            float e = expected[i], a = actual[i];
            if (Float.isNaN(e) || Float.isInfinite(e) || Float.isNaN(a) || Float.isInfinite(a)) {
                if (Float.compare(e, a) != 0) {
                    fail(what + " at " + i + ": expected " + e + " but was " + a);
                }
                continue;
            }
            double error = Math.abs((double) a - e) / Math.ulp(e);
            if (error > ulps) {
                fail(what + " at " + i + ": expected " + e + " but was " + a + " (" + error + " ulps > " + ulps + ")");
            }
        }
    }

    /** Asserts the same bits (NaN payloads aside) over the whole arrays. */
    static void assertBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + " at " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /** Runs {@code body} with the kernels' thread count set to {@code threads}, then restores it. */
    static <T> T withThreads(int threads, java.util.function.Supplier<T> body) {
        int previous = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            return body.get();
        } finally {
            Parallel.setThreads(previous);
        }
    }
}
