package dev.recur.nn.rnn;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.random.RandomGenerator;

/** Creates the initial value of a named weight of a given shape. */
@FunctionalInterface
public interface WeightInit {

    /** The initial value of weight {@code name} (e.g. {@code "recurrent_kernel"}), of this shape. */
    Tensor create(String name, int... shape);

    /** Every weight filled with one value: golden tests a person can check by hand. */
    static WeightInit constant(DType dtype, double value) {
        return (name, shape) -> Tensor.full(dtype, value, shape);
    }

    /** Uniform values in [-limit, limit), drawn from {@code rng} weight by weight, row-major. */
    static WeightInit uniform(RandomGenerator rng, DType dtype, double limit) {
        return (name, shape) -> Tensor.uniform(rng, dtype, -limit, limit, shape);
    }
}
