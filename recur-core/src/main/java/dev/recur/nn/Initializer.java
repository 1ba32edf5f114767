package dev.recur.nn;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.random.RandomGenerator;

/** Makes a weight tensor's initial values. See {@link Initializers} for Keras's standard ones. */
@FunctionalInterface
public interface Initializer {

    /** A new tensor of this shape and type. */
    Tensor create(DType dtype, RandomGenerator rng, int... shape);
}
