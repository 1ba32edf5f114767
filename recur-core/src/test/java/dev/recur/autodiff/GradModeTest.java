package dev.recur.autodiff;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradModeTest {

    private final Variable w = Variable.leaf(Tensor.of(new double[]{0.5, -0.5}, 2, 1));
    private final Variable x = Variable.constant(Tensor.of(new double[]{1, 2}, 1, 2));

    @Test
    void noGradRecordsNothing() {
        Variable y;
        try (var scope = GradMode.noGrad()) {
            y = x.matmul(w).tanh();
        }
        assertNull(y.creator());
        assertFalse(y.requiresGrad());
        assertEquals(Math.tanh(-0.5), y.value().item(), 1e-15); // the value is still computed
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("backward(): this value does not depend on anything that requires a gradient (was it computed"
                + " inside GradMode.noGrad(), or from constants only?)", e.getMessage());
        assertEquals(0.0, w.grad().sum().item());
    }

    @Test
    void scopesNestAndRestoreRecording() {
        assertTrue(GradMode.isEnabled());
        try (var outer = GradMode.noGrad()) {
            try (var inner = GradMode.noGrad()) {
                assertFalse(GradMode.isEnabled());
            }
            assertFalse(GradMode.isEnabled()); // the outer scope is still open
            assertNull(x.matmul(w).creator());
            outer.close();
            outer.close(); // closing twice is harmless
            assertTrue(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
        Variable y = x.matmul(w);
        assertNotNull(y.creator());
        assertEquals("MatMul", y.creator().name());
    }

    @Test
    void recordingIsPerThread() throws InterruptedException {
        boolean[] otherThread = new boolean[1];
        try (var scope = GradMode.noGrad()) {
            Thread t = new Thread(() -> otherThread[0] = GradMode.isEnabled());
            t.start();
            t.join();
        }
        assertTrue(otherThread[0]);
    }
}
