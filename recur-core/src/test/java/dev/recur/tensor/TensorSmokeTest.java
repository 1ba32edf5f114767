package dev.recur.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TensorSmokeTest {
    @Test
    void matmulOfTransposedView() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor c = a.matmul(a.t()); // [[14, 32], [32, 77]]
        assertEquals(14, c.get(0, 0));
        assertEquals(32, c.get(0, 1));
        assertEquals(77, c.get(1, 1));
    }
}
