package dev.recur.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShapesTest {

    @Test
    void sizeAndFormatting() {
        assertEquals(24, Shapes.size(2, 3, 4));
        assertEquals(1, Shapes.size());
        assertEquals(0, Shapes.size(3, 0, 5));
        assertEquals("[2, 3]", Shapes.str(2, 3));
        assertEquals("[]", Shapes.str());
        var e = assertThrows(IllegalArgumentException.class, () -> Shapes.size(1 << 16, 1 << 15));
        assertEquals("shape [65536, 32768] has more than 2^31-1 elements", e.getMessage());
    }

    @Test
    void contiguousStrides() {
        assertArrayEquals(new int[]{12, 4, 1}, Shapes.contiguousStrides(2, 3, 4));
        assertArrayEquals(new int[0], Shapes.contiguousStrides());
        assertArrayEquals(new int[]{4, 4, 1}, Shapes.contiguousStrides(2, 0, 4), "an empty dimension keeps strides positive");
    }

    @Test
    void axis() {
        assertEquals(2, Shapes.axis("op", -1, 3));
        assertEquals(0, Shapes.axis("op", -3, 3));
        assertEquals(1, Shapes.axis("op", 1, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> Shapes.axis("op", -4, 3));
        assertEquals("op: dimension -4 is out of range for a tensor of rank 3 (valid: -3..2)", e.getMessage());
    }

    @Test
    void broadcast() {
        assertArrayEquals(new int[]{3, 4}, Shapes.broadcast("op", new int[]{3, 1}, new int[]{1, 4}));
        assertArrayEquals(new int[]{2, 3, 4}, Shapes.broadcast("op", new int[]{4}, new int[]{2, 3, 1}));
        assertArrayEquals(new int[]{2, 3}, Shapes.broadcast("op", new int[0], new int[]{2, 3}));
        assertArrayEquals(new int[]{0, 3}, Shapes.broadcast("op", new int[]{0, 1}, new int[]{1, 3}));
        var e = assertThrows(IllegalArgumentException.class, () -> Shapes.broadcast("op", new int[]{0}, new int[]{2}));
        assertEquals("op: shapes [0] and [2] cannot be broadcast together (dimension 0: 0 vs 2);"
                + " trailing dimensions must be equal or 1", e.getMessage());
    }
}
