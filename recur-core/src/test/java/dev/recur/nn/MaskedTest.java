package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.recur.nn.LayerCheck.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskedTest {

    @Test
    void aMaskMatchesBatchAndTime() {
        Variable v = Variable.constant(Tensor.zeros(2, 3, 4));
        Tensor mask = Tensor.zeros(2, 3);
        Masked m = new Masked(v, mask);
        assertTrue(m.hasMask());
        Variable w = Variable.constant(Tensor.zeros(2, 3, 5));
        assertSame(mask, m.with(w).mask());
        assertSame(w, m.with(w).value());
        assertFalse(Masked.of(v).hasMask());
        assertNull(Masked.of(Tensor.zeros(2, 3)).mask());
    }

    @Test
    void mismatchedMasksAreRejected() {
        Variable v = Variable.constant(Tensor.zeros(2, 3, 4));
        assertEquals("a mask must have shape [batch, time] matching the value's first two dimensions, but the mask has"
                + " shape [2, 4] and the value [2, 3, 4]", error(() -> new Masked(v, Tensor.zeros(2, 4))));
        assertEquals("a mask must have shape [batch, time] matching the value's first two dimensions, but the mask has"
                + " shape [2] and the value [2, 3, 4]", error(() -> new Masked(v, Tensor.zeros(2))));
        assertEquals("a mask must have shape [batch, time] matching the value's first two dimensions, but the mask has"
                + " shape [2, 3] and the value [2]", error(() -> new Masked(Variable.constant(Tensor.zeros(2)), Tensor.zeros(2, 3))));
        assertThrows(NullPointerException.class, () -> new Masked(null, null));
    }

    @Test
    void contexts() {
        assertFalse(Context.inference().training());
        assertEquals(Mode.INFER, Context.inference().mode());
        assertTrue(Context.training(new SplittableRandom(1)).training());
        assertThrows(NullPointerException.class, () -> new Context(Mode.TRAIN, null));
        assertThrows(NullPointerException.class, () -> new BuildContext(null, new SplittableRandom(1)));
    }
}
