package dev.recur.kernel;

import static dev.recur.kernel.VectorMathTesting.VECTOR;
import static dev.recur.kernel.VectorMathTesting.assertBits;
import static dev.recur.kernel.VectorMathTesting.random;
import static dev.recur.kernel.VectorMathTesting.withThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every float kernel of {@link VectorMath} gives the same bits on one thread and on two, for
 * inputs large enough to be split (each is past its parallel grain), so that a seed reproduces
 * a run whatever {@code --threads} says.
 */
class VectorMathDeterminismTest {

    private static final int N = 100_003;                       // 2 grains of the cheap ops, 6 of exp/tanh
    private static final int ROWS = 301, COLS = 1033;            // odd widths; sumRows splits the columns

    @ParameterizedTest
    @EnumSource(Unary.class)
    void unary(Unary f) {
        float[] x = random(1, 3, N, 10f, true);
        sameOnOneAndTwoThreads(f.toString(), () -> {
            float[] y = new float[N];
            VECTOR.unary(f, x, 3, y, 0, N);
            return y;
        });
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void binaryAndBinaryRow(Binary f) {
        float[] a = random(2, 0, ROWS * COLS, 10f, true), b = random(3, 1, ROWS * COLS, 10f, true);
        sameOnOneAndTwoThreads(f.toString(), () -> {
            float[] y = new float[ROWS * COLS];
            VECTOR.binary(f, a, 0, b, 1, y, 0, ROWS * COLS);
            return y;
        });
        sameOnOneAndTwoThreads(f + " row", () -> {
            float[] y = new float[ROWS * COLS];
            VECTOR.binaryRow(f, a, 0, b, 1, y, 0, ROWS, COLS);
            return y;
        });
    }

    @Test
    void axpy() {
        float[] x = random(4, 0, N, 10f, false), y0 = random(5, 0, N, 10f, false);
        sameOnOneAndTwoThreads("axpy", () -> {
            float[] y = y0.clone();
            VECTOR.axpy(N, -0.3f, x, 0, y, 0);
            return y;
        });
    }

    @Test
    void sumAndSumRows() {
        float[] x = random(6, 1, ROWS * COLS, 100f, false);
        double one = withThreads(1, () -> VECTOR.sum(x, 1, ROWS * COLS));
        double two = withThreads(2, () -> VECTOR.sum(x, 1, ROWS * COLS));
        assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(two), "sum: " + one + " vs " + two);
        float[] y0 = random(7, 0, COLS, 1f, false);
        sameOnOneAndTwoThreads("sumRows", () -> {
            float[] y = y0.clone();
            VECTOR.sumRows(x, 1, ROWS, COLS, y, 0);
            return y;
        });
        sameOnOneAndTwoThreads("sumRows of a tall narrow block (split by row blocks)", () -> {
            float[] y = new float[3];
            VECTOR.sumRows(x, 0, ROWS * COLS / 3, 3, y, 0);
            return y;
        });
    }

    @Test
    void softmaxFamily() {
        float[] x = random(8, 0, ROWS * COLS, 20f, true);
        sameOnOneAndTwoThreads("softmaxRows", () -> {
            float[] y = new float[ROWS * COLS];
            VECTOR.softmaxRows(x, 0, y, 0, ROWS, COLS);
            return y;
        });
        sameOnOneAndTwoThreads("logSoftmaxRows", () -> {
            float[] y = new float[ROWS * COLS];
            VECTOR.logSoftmaxRows(x, 0, y, 0, ROWS, COLS);
            return y;
        });
        sameOnOneAndTwoThreads("logSumExpRows", () -> {
            float[] y = new float[ROWS];
            VECTOR.logSumExpRows(x, 0, y, 0, ROWS, COLS);
            return y;
        });
    }

    private static void sameOnOneAndTwoThreads(String what, Supplier<float[]> run) {
        float[] one = withThreads(1, run);
        float[] two = withThreads(2, run);
        assertBits(what + ", 1 vs 2 threads", one, two);
    }
}
