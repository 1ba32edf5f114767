package dev.recur.nn.graph;

import dev.recur.nn.Layer;

/** Keras's {@code Input(shape, name)}: a graph input of this shape, batch excluded ({@code -1} unknown). */
public final class Input {

    private Input() {
    }

    /** An input named {@code name} of shape {@code shape} (batch excluded; -1 for an unknown size, Keras's None). */
    public static Node of(String name, int... shape) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Input name must not be blank, got '" + name + "'");
        }
        if (shape.length == 0) {
            throw new IllegalArgumentException("Input " + name + " needs a shape (batch excluded), e.g. Input.of(\""
                    + name + "\", -1, 8)");
        }
        for (int d : shape) {
            if (d < 1 && d != -1) {
                throw new IllegalArgumentException("Input " + name + " has shape " + Layer.batchShape(shape)
                        + " with a dimension " + d + "; dimensions are positive, or -1 when unknown");
            }
        }
        return Node.input(name, shape);
    }
}
