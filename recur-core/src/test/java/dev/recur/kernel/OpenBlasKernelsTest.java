package dev.recur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenBLAS backend agrees with the reference; skipped where libopenblas.so.0 is not installed. */
class OpenBlasKernelsTest {

    private final int threadsBefore = Parallel.threads();

    @BeforeEach
    void requireOpenBlas() {
        assumeTrue(OpenBlas.isAvailable(), "skipped: OpenBLAS (" + OpenBlas.LIBRARY + ") is not installed ("
                + OpenBlas.problem() + "); apt-get install libopenblas0-pthread to run these tests");
    }

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    static Stream<GemmCase> cases() {
        return VectorGemmTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(GemmCase g) {
        g.assertMatches(g.run(new ReferenceKernels()), g.run(new OpenBlasKernels()));
    }

    static Stream<GemmCase> nanCases() {
        return VectorGemmTest.nanCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nanCases")
    void betaZeroIgnoresNaNInC(GemmCase g) {
        GemmCase nan = GemmCase.random(g.ta(), g.tb(), g.m(), g.n(), g.k(), g.alpha(), 0f, 7).fillC(Float.NaN);
        nan.assertMatches(nan.run(new ReferenceKernels()), nan.run(new OpenBlasKernels()));
    }

    @Test
    void followsTheKernelThreadCount() {
        Parallel.setThreads(2);
        GemmCase g = GemmCase.random(Transpose.N, Transpose.T, 64, 200, 100, 1f, 0f, 11);
        g.assertMatches(g.run(new ReferenceKernels()), g.run(new OpenBlasKernels()));
        assertEquals("openblas", new OpenBlasKernels().name());
    }

    @Test
    void rejectsBadThreadCount() {
        var e = assertThrows(IllegalArgumentException.class, () -> OpenBlas.setThreads(0));
        assertEquals("OpenBLAS threads must be at least 1, got 0", e.getMessage());
    }
}

/** Messages that do not need the library. */
class OpenBlasMessagesTest {

    @Test
    void unavailableMessageSaysWhatToInstall() {
        assertEquals("OpenBlasKernels: libopenblas.so.0 is not available (not found); install it (Debian: apt-get "
                + "install libopenblas0-pthread) or use the default Java kernels (VectorKernels)",
                OpenBlas.unavailable("OpenBlasKernels", "not found"));
        assertTrue(OpenBlas.isAvailable() == (OpenBlas.problem() == null));
    }
}
