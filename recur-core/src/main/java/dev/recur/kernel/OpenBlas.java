package dev.recur.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The system's OpenBLAS ({@code libopenblas.so.0}, Debian package {@code libopenblas0-pthread}),
 * reached through the FFM API when it is installed. Recur never requires it: {@link #isAvailable()}
 * says whether it was found, and every call fails with an {@link IllegalStateException} otherwise.
 *
 * <p>Heap arrays are passed without copies as critical downcalls (the garbage collector waits
 * for the call; about 0.1 us per call). The method handles are {@code static final}: as an
 * ordinary field one made a call cost 765 ns instead of 98 (DESIGN.md, "Backend"). Only the
 * system library is loaded, by its soname, so a process never holds two OpenBLAS copies.
 * Set the system property {@code recur.openblas=false} to ignore an installed library.
 */
public final class OpenBlas {

    /** The shared library's soname. */
    public static final String LIBRARY = "libopenblas.so.0";

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private static final MethodHandle SGEMM;
    private static final MethodHandle SGEMV;
    private static final MethodHandle SET_NUM_THREADS;
    private static final String PROBLEM;

    static {
        MethodHandle sgemm = null;
        MethodHandle sgemv = null;
        MethodHandle setThreads = null;
        String problem = null;
        try {
            Optional<SymbolLookup> lookup = lookup();
            if (lookup.isEmpty()) {
                problem = "disabled by -Drecur.openblas=false";
            } else {
                Linker linker = Linker.nativeLinker();
                Linker.Option critical = Linker.Option.critical(true);
                SymbolLookup lib = lookup.get();
                // cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)
                sgemm = linker.downcallHandle(lib.findOrThrow("cblas_sgemm"), FunctionDescriptor.ofVoid(
                        JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT,
                        ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT), critical);
                // cblas_sgemv(order, trans, M, N, alpha, A, lda, X, incX, beta, Y, incY)
                sgemv = linker.downcallHandle(lib.findOrThrow("cblas_sgemv"), FunctionDescriptor.ofVoid(
                        JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT,
                        ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT), critical);
                setThreads = linker.downcallHandle(lib.findOrThrow("openblas_set_num_threads"),
                        FunctionDescriptor.ofVoid(JAVA_INT), critical);
            }
        } catch (IllegalArgumentException | java.util.NoSuchElementException | UnsupportedOperationException
                 | IllegalCallerException e) {
            sgemm = null;
            sgemv = null;
            setThreads = null;
            problem = e.getMessage();
        }
        SGEMM = sgemm;
        SGEMV = sgemv;
        SET_NUM_THREADS = setThreads;
        PROBLEM = sgemm == null ? (problem == null ? "not found" : problem) : null;
    }

    private static volatile int threads;

    private OpenBlas() {
    }

    private static Optional<SymbolLookup> lookup() {
        if (!Boolean.parseBoolean(System.getProperty("recur.openblas", "true"))) {
            return Optional.empty();
        }
        return Optional.of(SymbolLookup.libraryLookup(LIBRARY, Arena.global()));
    }

    /** Whether the system OpenBLAS was found and bound. */
    public static boolean isAvailable() {
        return SGEMM != null;
    }

    /** Why OpenBLAS is unavailable (for messages), or {@code null} when it is available. */
    public static String problem() {
        return PROBLEM;
    }

    /** Sets OpenBLAS's own thread count (it keeps a separate pool); skipped when unchanged. */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("OpenBLAS threads must be at least 1, got " + n);
        }
        requireAvailable("setThreads");
        if (threads != n) {
            try {
                SET_NUM_THREADS.invokeExact(n);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            threads = n;
        }
    }

    /**
     * {@code cblas_sgemm} in row-major order: {@code C = alpha * op(A) * op(B) + beta * C}, with
     * the same arguments as {@link Kernels#gemm(Transpose, Transpose, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}.
     * Like BLAS, it needs m, n, k and the leading dimensions at least 1.
     */
    public static void sgemm(Transpose ta, Transpose tb, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        requireAvailable("sgemm");
        try {
            SGEMM.invokeExact(ROW_MAJOR, code(ta), code(tb), m, n, k, alpha, at(a, aOff), lda,
                    at(b, bOff), ldb, beta, at(c, cOff), ldc);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code cblas_sgemv} in row-major order: {@code y = alpha * op(A) * x + beta * y}, A stored
     * [rows, cols] with leading dimension lda, x and y strided by incX and incY.
     */
    public static void sgemv(Transpose ta, int rows, int cols, float alpha, float[] a, int aOff, int lda,
                             float[] x, int xOff, int incX, float beta, float[] y, int yOff, int incY) {
        requireAvailable("sgemv");
        try {
            SGEMV.invokeExact(ROW_MAJOR, code(ta), rows, cols, alpha, at(a, aOff), lda,
                    at(x, xOff), incX, beta, at(y, yOff), incY);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int code(Transpose t) {
        return t == Transpose.N ? NO_TRANS : TRANS;
    }

    private static MemorySegment at(float[] array, int offset) {
        return MemorySegment.ofArray(array).asSlice(offset * (long) Float.BYTES);
    }

    private static void requireAvailable(String operation) {
        if (SGEMM == null) {
            throw new IllegalStateException(unavailable("OpenBlas." + operation, PROBLEM));
        }
    }

    /** The message for a call made without OpenBLAS. */
    static String unavailable(String operation, String problem) {
        return operation + ": " + LIBRARY + " is not available (" + problem + "); install it (Debian: apt-get "
                + "install libopenblas0-pthread) or use the default Java kernels (VectorKernels)";
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("OpenBLAS call failed", t);
    }
}
