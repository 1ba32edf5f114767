package dev.recur.autodiff;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariableTest {

    @Test
    void rejectsANullValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Variable.constant(null));
        assertEquals("a variable needs a value tensor, got null", e.getMessage());
    }

    @Test
    void parameterNeedsAName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Parameter(" ", Tensor.zeros(1)));
        assertEquals("a parameter needs a name", e.getMessage());
    }

    @Test
    void detachCutsTheGraph() {
        Variable x = Variable.leaf(Tensor.of(new double[]{1, 2}, 2));
        Variable h = x.tanh();
        Variable carried = h.detach();
        assertSame(h.value(), carried.value());
        assertNull(carried.creator());
        assertFalse(carried.requiresGrad());
        carried.mul(x).sum().backward(); // only the direct path to x
        assertEquals(Math.tanh(1), x.grad().getFlat(0), 1e-15);
    }

    @Test
    void describesItself() {
        Variable y = Variable.leaf(Tensor.of(new double[]{1}, 1)).neg();
        assertTrue(y.toString().endsWith(", from Neg)"), y.toString());
        assertEquals("Neg", y.creator().toString());
        assertEquals("Parameter(lstm/kernel, [2, 3])", new Parameter("lstm/kernel", Tensor.zeros(2, 3)).toString());
    }
}
