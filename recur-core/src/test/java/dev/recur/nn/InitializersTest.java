package dev.recur.nn;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static dev.recur.nn.LayerCheck.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializersTest {

    private static Tensor make(Initializer init, int... shape) {
        return init.create(DType.FLOAT64, new SplittableRandom(7), shape);
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (int i = 0; i < t.size(); i++) {
            m = Math.max(m, Math.abs(t.getFlat(i)));
        }
        return m;
    }

    /** Values fill (-limit, limit): none outside, the largest close to the limit, the mean near zero. */
    private static void assertUniformWithin(Tensor t, double limit) {
        double m = maxAbs(t);
        assertTrue(m < limit, "max |w| " + m + " exceeds the limit " + limit);
        assertTrue(m > 0.95 * limit, "max |w| " + m + " is far below the limit " + limit);
        assertEquals(0.0, t.mean().item(), 0.05 * limit);
    }

    @ParameterizedTest
    @CsvSource({"64, 32", "300, 100", "1, 500"})
    void glorotUniformLimitIsSqrtSixOverFanInPlusFanOut(int in, int out) {
        assertUniformWithin(make(Initializers.glorotUniform(), in, out), Math.sqrt(6.0 / (in + out)));
    }

    @Test
    void convolutionFansIncludeTheReceptiveField() {
        // kernel [3, 8, 16]: fan_in = 3 * 8, fan_out = 3 * 16, as Keras
        assertArrayEquals(new int[]{24, 48}, Initializers.fans(new int[]{3, 8, 16}));
        assertArrayEquals(new int[]{5, 5}, Initializers.fans(new int[]{5}));
        assertArrayEquals(new int[]{1, 1}, Initializers.fans(new int[0]));
        assertUniformWithin(make(Initializers.glorotUniform(), 3, 80, 160), Math.sqrt(6.0 / (240 + 480)));
    }

    @Test
    void heUniformLimitIsSqrtSixOverFanIn() {
        assertUniformWithin(make(Initializers.heUniform(), 200, 50), Math.sqrt(6.0 / 200));
    }

    @Test
    void uniformAndConstants() {
        assertUniformWithin(make(Initializers.uniform(-0.05, 0.05), 1000, 10), 0.05);
        assertEquals(0.0, make(Initializers.zeros(), 3, 2).maxAbsDiff(Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertEquals(0.0, make(Initializers.ones(), 4).maxAbsDiff(Tensor.full(DType.FLOAT64, 1, 4)));
        assertEquals(0.0, make(Initializers.constant(0.25), 2, 2).maxAbsDiff(Tensor.full(DType.FLOAT64, 0.25, 2, 2)));
        assertEquals("uniform initializer needs lo < hi, got lo 1.0 and hi 1.0", error(() -> Initializers.uniform(1, 1)));
    }

    /** Q^T Q = I for a tall matrix (orthonormal columns), Q Q^T = I for a wide one (orthonormal rows), times gain^2. */
    @ParameterizedTest
    @CsvSource({"16, 16, 1.0", "40, 8, 1.0", "8, 40, 1.0", "12, 12, 2.5", "1, 5, 1.0"})
    void orthogonalMatricesAreOrthonormalAlongTheShorterSide(int rows, int cols, double gain) {
        Tensor q = make(Initializers.orthogonal(gain), rows, cols);
        assertArrayEquals(new int[]{rows, cols}, q.shape());
        Tensor gram = rows >= cols ? q.t().matmul(q) : q.matmul(q.t());
        int n = Math.min(rows, cols);
        Tensor expected = make(Initializers.identity(gain * gain), n, n);
        assertTrue(gram.maxAbsDiff(expected) < 1e-12, "Gram matrix deviates by " + gram.maxAbsDiff(expected));
    }

    @Test
    void orthogonalFlattensAllButTheLastDimensionAsKeras() {
        Tensor q = make(Initializers.orthogonal(1.0), 3, 4, 5); // seen as [12, 5]: orthonormal columns
        Tensor m = q.reshape(12, 5);
        assertTrue(m.t().matmul(m).maxAbsDiff(make(Initializers.identity(1), 5, 5)) < 1e-12);
        assertEquals("orthogonal initializer needs a shape of at least two dimensions, got [5]",
                error(() -> make(Initializers.orthogonal(1.0), 5)));
    }

    @Test
    void orthogonalIsReproducibleFromTheSeedAndWorksInFloat32() {
        assertEquals(0.0, make(Initializers.orthogonal(1), 6, 6).maxAbsDiff(make(Initializers.orthogonal(1), 6, 6)));
        Tensor q = Initializers.orthogonal(1).create(DType.FLOAT32, new SplittableRandom(3), 32, 32);
        assertEquals(DType.FLOAT32, q.dtype());
        assertTrue(q.t().matmul(q).to(DType.FLOAT64).maxAbsDiff(make(Initializers.identity(1), 32, 32)) < 1e-5);
    }

    @Test
    void identityIsScaledAndMayBeRectangular() {
        Tensor i = make(Initializers.identity(0.5), 2, 3);
        assertArrayEquals(new double[]{0.5, 0, 0, 0, 0.5, 0}, i.toDoubleArray());
        assertEquals("identity initializer needs a matrix shape, got [2, 2, 2]; it makes the identity matrix of IRNN"
                + " recurrent kernels", error(() -> make(Initializers.identity(1), 2, 2, 2)));
    }
}
