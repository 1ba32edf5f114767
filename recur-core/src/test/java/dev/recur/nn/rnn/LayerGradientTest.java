package dev.recur.nn.rnn;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Layer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finite differences in float64 against backpropagation through the recurrent LAYERS, for every
 * option of the loop: the gradient of everything the layer returns with respect to its input,
 * every weight and the initial states.
 */
class LayerGradientTest {

    static Stream<LayerScenario> scenarios() {
        return LayerScenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void layerPassesGradientCheck(LayerScenario s) {
        Layer layer = s.build(DType.FLOAT64, 1);
        Variable x = Variable.leaf(s.x(DType.FLOAT64, 2));
        List<Variable> initial = new ArrayList<>();
        for (Tensor t : s.initial(layer, DType.FLOAT64, 3)) {
            initial.add(Variable.leaf(t));
        }
        List<Variable> wrt = new ArrayList<>();
        wrt.add(x);
        wrt.addAll(layer.parameters());
        wrt.addAll(initial);
        GradientCheck.Result r = GradientCheck.assertPasses(s.toString(), () -> s.run(layer, x, initial), wrt);
        long expected = x.value().size() + layer.countParams() + initial.stream().mapToLong(v -> v.value().size()).sum();
        assertEquals(expected, r.checked(), "every input, weight and initial state was checked");
    }
}
