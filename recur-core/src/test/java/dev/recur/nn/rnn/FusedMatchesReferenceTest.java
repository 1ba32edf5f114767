package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Parallel;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second link of the chain of trust: the fused float32 kernel computes what the reference
 * composition (same weights, float32) computes: the sequence, the final states, and the
 * gradient of every input (W, U, b, peepholes, x, h0, c0), within float32 rounding.
 */
class FusedMatchesReferenceTest {

    /** |fused - reference| <= ATOL + RTOL * |reference|, elementwise. */
    private static final double RTOL = 1e-4;
    private static final double ATOL = 2e-6;

    static Stream<Scenario> scenarios() {
        return Scenario.all();
    }

    /** Outputs (sequence, h, c) and the gradient of each input after one backward pass. */
    private record Run(List<Tensor> outputs, List<Tensor> grads) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void fusedMatchesReference(Scenario s) {
        List<Tensor> inputs = s.inputs(DType.FLOAT32, 7);
        Run reference = run(s, inputs, true);
        Run fused = run(s, inputs, false);
        for (int i = 0; i < reference.outputs.size(); i++) {
            assertClose(s + ", output " + i, reference.outputs.get(i), fused.outputs.get(i));
        }
        for (int i = 0; i < inputs.size(); i++) {
            assertClose(s + ", gradient of input " + i, reference.grads.get(i), fused.grads.get(i));
        }
    }

    @Test
    void gradientsOfConstantInputsAreSkippedAndTheRestStillMatch() {
        Scenario s = new Scenario(CellCase.all().get(3), 2, 3, Scenario.Masking.NONE, Direction.FORWARD, false);
        List<Tensor> inputs = s.inputs(DType.FLOAT32, 11);
        int x = inputs.size() - 1;
        List<Tensor> ref = new ArrayList<>();
        List<Tensor> fused = new ArrayList<>();
        for (boolean reference : new boolean[]{true, false}) {
            List<Variable> leaves = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Tensor t = inputs.get(i).copy();
                leaves.add(i == x ? Variable.constant(t) : Variable.leaf(t)); // x needs no gradient
            }
            RecurrentOutput out = s.run(leaves, reference);
            out.sequence().sum().backward(); // only the sequence is used: the final states get zero gradients
            for (Variable v : leaves) {
                (reference ? ref : fused).add(v.grad());
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            assertClose("gradient of input " + i, ref.get(i), fused.get(i));
        }
    }

    @Test
    void float64RunsTheReferenceComposition() {
        Scenario s = new Scenario(CellCase.all().get(9), 2, 3, Scenario.Masking.HOLES, Direction.BACKWARD, true);
        List<Variable> in = new ArrayList<>();
        for (Tensor t : s.inputs(DType.FLOAT64, 13)) {
            in.add(Variable.leaf(t));
        }
        RecurrentOutput run = s.run(in, false);
        RecurrentOutput reference = s.run(in, true);
        assertFalse(run.sequence().creator() instanceof FusedRecurrence, "float64 never takes the fused kernel");
        assertArrayEquals(reference.sequence().value().toDoubleArray(), run.sequence().value().toDoubleArray());
        assertArrayEquals(reference.last().h().value().toDoubleArray(), run.last().h().value().toDoubleArray());
    }

    @Test
    void layerNormalizedCellsRunTheReferenceCompositionInFloat32() {
        for (CellCase c : CellCase.all()) {
            if (!c.config().layerNorm()) {
                continue;
            }
            Scenario s = new Scenario(c, 2, 3, Scenario.Masking.NONE, Direction.FORWARD, false);
            List<Variable> in = new ArrayList<>();
            for (Tensor t : s.inputs(DType.FLOAT32, 3)) {
                in.add(Variable.leaf(t));
            }
            RecurrentOutput run = s.run(in, false);
            assertFalse(run.sequence().creator() instanceof FusedRecurrence, c + " has no fused kernel");
            assertArrayEquals(s.run(in, true).sequence().value().toFloatArray(), run.sequence().value().toFloatArray());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        // enough rows and units that the row passes and the products split across threads
        CellCase wide = new CellCase("LSTM peephole, 32 units", LstmConfig.of(3, 32).withPeepholes());
        Scenario s = new Scenario(wide, 64, 5, Scenario.Masking.HOLES, Direction.BACKWARD, true);
        List<Tensor> inputs = s.inputs(DType.FLOAT32, 5);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Run one = run(s, inputs, false);
            Parallel.setThreads(2);
            Run two = run(s, inputs, false);
            for (int i = 0; i < one.grads.size(); i++) {
                assertArrayEquals(one.grads.get(i).toFloatArray(), two.grads.get(i).toFloatArray(), "input " + i);
            }
            assertArrayEquals(one.outputs.get(0).toFloatArray(), two.outputs.get(0).toFloatArray());
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static Run run(Scenario s, List<Tensor> inputs, boolean reference) {
        List<Variable> leaves = new ArrayList<>();
        for (Tensor t : inputs) {
            leaves.add(Variable.leaf(t.copy()));
        }
        RecurrentOutput out = s.run(leaves, reference);
        if (!reference && !s.cell().config().layerNorm()) {
            assertInstanceOf(FusedRecurrence.class, out.sequence().creator(), "the fused kernel ran");
        }
        Variable flat = Scenario.flatten(out);
        Tensor seed = Tensor.normal(new SplittableRandom(3), DType.FLOAT32, 0, 1, flat.value().size());
        flat.backward(seed);
        List<Tensor> outputs = new ArrayList<>(List.of(out.sequence().value(), out.last().h().value()));
        if (out.last().hasCell()) {
            outputs.add(out.last().c().value());
        }
        List<Tensor> grads = new ArrayList<>();
        for (Variable v : leaves) {
            grads.add(v.grad());
        }
        return new Run(outputs, grads);
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertTrue(actual.allClose(expected, RTOL, ATOL),
                () -> what + ": largest difference " + actual.maxAbsDiff(expected) + "\nreference " + expected
                        + "\nfused     " + actual);
    }
}
