package dev.recur.nn;

import dev.recur.tensor.DType;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What building a layer needs: the element type of its weights (float32 to train, float64 for
 * gradient checks) and the seeded generator its initializers draw from.
 */
public record BuildContext(DType dtype, RandomGenerator rng) {

    public BuildContext {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(rng, "rng");
    }
}
