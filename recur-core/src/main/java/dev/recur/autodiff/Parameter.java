package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

/** A trainable, named tensor: a layer's weights. Its value is updated in place by optimizers. */
public final class Parameter extends Variable {

    private final String name;

    public Parameter(String name, Tensor value) {
        super(value, null, true);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        this.name = name;
    }

    /** The name, e.g. {@code "lstm/kernel"}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + value().shapeString() + ")";
    }
}
