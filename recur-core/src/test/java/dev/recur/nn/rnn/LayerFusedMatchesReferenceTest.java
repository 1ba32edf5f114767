package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain of trust at the layer level: in float32 a layer's fused path computes what its
 * reference composition computes, for every option of the loop (masks, directions, initial and
 * returned states, dropout, Bidirectional's merges, T=1, batch=1): everything it returns, and the
 * gradient of its input, every weight and the initial states.
 */
class LayerFusedMatchesReferenceTest {

    private static final double RTOL = 1e-4;
    private static final double ATOL = 2e-6;

    static Stream<LayerScenario> scenarios() {
        return LayerScenario.all();
    }

    /** Everything returned, and the gradients of x, the weights and the initial states. */
    private record Run(Tensor output, List<Tensor> grads) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void fusedLayerMatchesReference(LayerScenario s) {
        Run reference = run(s, true);
        Run fused = run(s, false);
        assertClose(s + ", outputs", reference.output, fused.output);
        for (int i = 0; i < reference.grads.size(); i++) {
            assertClose(s + ", gradient " + i, reference.grads.get(i), fused.grads.get(i));
        }
    }

    private static Run run(LayerScenario s, boolean reference) {
        Layer layer = s.build(DType.FLOAT32, 1); // the same seed: the same weights both times
        LayerScenario.useReference(layer, reference);
        Variable x = Variable.leaf(s.x(DType.FLOAT32, 2));
        List<Variable> leaves = new ArrayList<>(List.of(x));
        leaves.addAll(layer.parameters());
        List<Variable> initial = new ArrayList<>();
        for (Tensor t : s.initial(layer, DType.FLOAT32, 3)) {
            initial.add(Variable.leaf(t));
        }
        leaves.addAll(initial);
        Variable out = s.run(layer, x, initial);
        out.backward(Tensor.normal(new SplittableRandom(4), DType.FLOAT32, 0, 1, out.value().size()));
        List<Tensor> grads = new ArrayList<>();
        for (Variable v : leaves) {
            grads.add(v.grad());
        }
        return new Run(out.value(), grads);
    }

    @Test
    void theFusedKernelRunsUnlessRecurrentDropoutTrainsOrTheCellIsLayerNormalized() {
        Variable x = Variable.constant(Tensor.uniform(new SplittableRandom(1), DType.FLOAT32, -1, 1, 2, 3, 2));
        RecurrentOptions seq = RecurrentOptions.DEFAULTS.withReturnSequences(true);
        Context training = Context.training(new SplittableRandom(1));
        assertInstanceOf(FusedRecurrence.class, output(new Lstm(3, seq), x, Context.inference()).creator());
        assertInstanceOf(FusedRecurrence.class, output(new Lstm(3, seq.withRecurrentDropout(0.5)), x,
                Context.inference()).creator(), "no dropout in inference");
        assertTrue(output(new Gru(3, seq.withDropout(0.5)), x, training).creator() instanceof FusedRecurrence,
                "input dropout multiplies x and keeps the fused kernel");
        assertFalse(output(new Gru(3, seq.withRecurrentDropout(0.5)), x, training).creator() instanceof FusedRecurrence,
                "recurrent dropout runs the reference composition");
        assertFalse(output(new SimpleRnn(SimpleRnn.CellOptions.of(3).withLayerNorm(true), seq), x,
                Context.inference()).creator() instanceof FusedRecurrence, "no fused kernel for layer normalization");
    }

    private static Variable output(RecurrentLayer layer, Variable x, Context ctx) {
        layer.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), 3, 2);
        return layer.call(x, null, null, ctx).output();
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertTrue(actual.allClose(expected, RTOL, ATOL),
                () -> what + ": largest difference " + actual.maxAbsDiff(expected) + "\nreference " + expected
                        + "\nfused     " + actual);
    }
}
