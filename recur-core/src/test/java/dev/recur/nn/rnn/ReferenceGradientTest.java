package dev.recur.nn.rnn;

import dev.recur.autodiff.GradientCheck;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The first link of the chain of trust: every reference cell, composed from autodiff
 * primitives and looped over time, passes a float64 finite-difference check of every input
 * (weights, x, initial states), through the sequence and the final states.
 */
class ReferenceGradientTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void referencePassesGradientCheck(Scenario s) {
        Tensor[] inputs = s.inputs(DType.FLOAT64, 42).toArray(Tensor[]::new);
        GradientCheck.assertPasses(s.toString(), in -> Scenario.flatten(s.run(in, true)), inputs);
    }
}
