package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * A layer's input or output: a value and, for sequences, an optional mask (Keras semantics).
 * Layers that act on each step (Dense, TimeDistributed, Dropout, LayerNormalization, Activation)
 * pass the mask on; layers that mix or remove steps (Flatten, Conv1D, pooling) drop it.
 *
 * @param value the data, batch first: {@code [batch, time, ...]} when masked
 * @param mask  {@code [batch, time]} of 1 (a real step) and 0 (padding), or null when every step is real;
 *              layers make it in the value's element type
 */
public record Masked(Variable value, Tensor mask) {

    public Masked {
        Objects.requireNonNull(value, "value");
        if (mask != null) {
            int[] v = value.value().shape();
            if (mask.rank() != 2 || v.length < 2 || mask.dim(0) != v[0] || mask.dim(1) != v[1]) {
                throw new IllegalArgumentException("a mask must have shape [batch, time] matching the value's first two"
                        + " dimensions, but the mask has shape " + mask.shapeString() + " and the value "
                        + value.value().shapeString());
            }
        }
    }

    /** A value without a mask. */
    public static Masked of(Variable value) {
        return new Masked(value, null);
    }

    /** Constant data without a mask. */
    public static Masked of(Tensor data) {
        return new Masked(Variable.constant(data), null);
    }

    /** The same mask around a new value (layers that act per step keep the mask). */
    public Masked with(Variable newValue) {
        return new Masked(newValue, mask);
    }

    /** Whether some steps are masked. */
    public boolean hasMask() {
        return mask != null;
    }
}
