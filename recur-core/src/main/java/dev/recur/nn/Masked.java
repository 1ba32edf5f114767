package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * A layer's input or output: a value and, for sequences, an optional mask (Keras semantics).
 *
 * @param value the data, batch first: {@code [batch, ...]}
 * @param mask  {@code [batch, time]} of 1 (a real step) and 0 (padding), or null when every step is real
 */
public record Masked(Variable value, Tensor mask) {

    public Masked {
        Objects.requireNonNull(value, "value");
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
}
