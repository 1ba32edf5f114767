package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Activation;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static dev.recur.nn.rnn.Fixtures.assertClose;
import static dev.recur.nn.rnn.Fixtures.built;
import static dev.recur.nn.rnn.Fixtures.constant;
import static dev.recur.nn.rnn.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the loop options mean, checked against the cell run by hand (Keras's semantics). */
class RecurrentLayerTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);
    private static final List<Function<RecurrentOptions, RecurrentLayer>> KINDS = List.of(
            o -> new SimpleRnn(4, o), o -> new Lstm(4, o), o -> new Gru(4, o));

    @Test
    void theLastOutputIsTheFinalHiddenStateAndTheLastStepOfTheSequence() {
        for (var kind : KINDS) {
            Variable x = constant(DType.FLOAT64, 1, 2, 5, 3);
            RecurrentResult last = built(kind.apply(RecurrentOptions.DEFAULTS), DType.FLOAT64, 7, 5, 3)
                    .call(x, null, null, Context.inference());
            RecurrentResult seq = built(kind.apply(SEQ), DType.FLOAT64, 7, 5, 3).call(x, null, null, Context.inference());
            assertSame(last.state().h(), last.output());
            assertArrayEquals(new int[]{2, 4}, last.output().value().shape());
            assertArrayEquals(new int[]{2, 5, 4}, seq.output().value().shape());
            assertClose("last step", seq.output().value().select(1, 4), last.output().value(), 1e-12);
        }
    }

    @Test
    void goBackwardsReadsFromTheEndAndReturnsTheSequenceInProcessingOrder() {
        for (var kind : KINDS) {
            Tensor x = Fixtures.data(DType.FLOAT64, 2, 3, 4, 2);
            Tensor mask = Tensor.of(new double[]{1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, 3, 4);
            RecurrentLayer backward = built(kind.apply(SEQ.withDirection(Direction.BACKWARD)), DType.FLOAT64, 7, 4, 2);
            RecurrentLayer forward = built(kind.apply(SEQ), DType.FLOAT64, 7, 4, 2); // the same weights
            RecurrentResult b = backward.call(Variable.constant(x), mask, null, Context.inference());
            RecurrentResult f = forward.call(Variable.constant(reversed(x)), reversed(mask), null, Context.inference());
            assertClose(backward.type() + " go_backwards", f.output().value(), b.output().value(), 1e-12);
            assertClose("final state", f.state().h().value(), b.state().h().value(), 1e-12);
            assertArrayEquals(reversed(mask.unsqueeze(2)).reshape(3, 4).toDoubleArray(), b.mask().toDoubleArray(),
                    "the output's mask is reversed with the output");
        }
    }

    @Test
    void maskedStepsKeepTheStateAndEmitZeros() {
        for (var kind : KINDS) {
            Variable x = constant(DType.FLOAT64, 3, 3, 4, 2);
            // row 0 all steps, row 1 none, row 2 right-padded after two steps
            Tensor mask = Tensor.of(new double[]{1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0}, 3, 4);
            RecurrentLayer seqLayer = built(kind.apply(SEQ), DType.FLOAT64, 7, 4, 2);
            RecurrentResult seq = seqLayer.call(x, mask, null, Context.inference());
            RecurrentResult last = built(kind.apply(RecurrentOptions.DEFAULTS), DType.FLOAT64, 7, 4, 2)
                    .call(x, mask, null, Context.inference());
            Tensor out = seq.output().value();
            for (int b = 0; b < 3; b++) {
                for (int t = 0; t < 4; t++) {
                    for (int j = 0; j < 4; j++) {
                        if (mask.get(b, t) == 0) {
                            assertEquals(0.0, out.get(b, t, j), "a masked step emits zeros");
                        } else {
                            assertNotEquals(0.0, out.get(b, t, j), "a real step emits the new state");
                        }
                    }
                }
            }
            assertSame(mask, seq.mask(), "return_sequences passes the mask on");
            assertNull(last.mask(), "the last output has no time axis to mask");
            assertClose("fully masked row keeps the zero state", Tensor.zeros(DType.FLOAT64, 4),
                    last.output().value().select(0, 1), 0);
            assertClose("a padded row's last output is its last real step", out.select(1, 1).select(0, 2),
                    last.output().value().select(0, 2), 1e-12);
        }
    }

    @Test
    void callStartsFromTheInitialState() {
        for (var kind : KINDS) {
            RecurrentLayer layer = built(kind.apply(SEQ), DType.FLOAT64, 7, 4, 2);
            Variable x = constant(DType.FLOAT64, 4, 2, 4, 2);
            Variable h0 = constant(DType.FLOAT64, 5, 2, 4);
            State initial = layer instanceof Lstm ? State.of(h0, constant(DType.FLOAT64, 6, 2, 4)) : State.of(h0);
            RecurrentResult r = layer.call(x, null, initial, Context.inference());
            RecurrentOutput expected = Recurrence.reference(layer.cell(), x, null, Direction.FORWARD, initial);
            assertClose(layer.type(), expected.sequence().value(), r.output().value(), 1e-12);
            if (layer instanceof Lstm) {
                assertClose("c", expected.last().c().value(), r.state().c().value(), 1e-12);
            }
        }
    }

    @Test
    void forwardIsCallWithoutInitialState() {
        RecurrentLayer layer = built(new Gru(4, SEQ), DType.FLOAT64, 7, 4, 2);
        Variable x = constant(DType.FLOAT64, 4, 2, 4, 2);
        Tensor mask = Tensor.of(new double[]{1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
        Masked y = layer.forward(new Masked(x, mask), Context.inference());
        assertClose("forward", layer.call(x, mask, null, Context.inference()).output().value(), y.value().value(), 0);
        assertSame(mask, y.mask());
    }

    @Test
    void weightsStartAsKeras() {
        Lstm lstm = built(new Lstm(8), DType.FLOAT64, 7, 10, 5);
        List<String> names = lstm.parameters().stream().map(Parameter::name).toList();
        assertEquals(List.of("lstm/kernel", "lstm/recurrent_kernel", "lstm/bias"), names);
        Tensor kernel = lstm.parameters().get(0).value();
        double limit = Math.sqrt(6.0 / (5 + 32)); // glorot_uniform on [5, 32]
        for (int i = 0; i < kernel.size(); i++) {
            assertTrue(Math.abs(kernel.getFlat(i)) <= limit, "kernel within the Glorot limit");
        }
        Tensor u = lstm.parameters().get(1).value(); // orthogonal [8, 32]: orthonormal rows
        assertClose("U U^T = I", identity(8), u.matmul(u.t()), 1e-12);
        double[] bias = new double[32];
        for (int j = 8; j < 16; j++) {
            bias[j] = 1; // unit_forget_bias: the forget block (i, f, c, o) starts at 1
        }
        assertArrayEquals(bias, lstm.parameters().get(2).value().toDoubleArray());
        Lstm plain = built(new Lstm(Lstm.CellOptions.of(8).withUnitForgetBias(false), RecurrentOptions.DEFAULTS),
                DType.FLOAT64, 7, 10, 5);
        assertArrayEquals(new double[32], plain.parameters().get(2).value().toDoubleArray());
        Lstm cifg = built(new Lstm(Lstm.CellOptions.of(8).withCoupledInputForget(true), RecurrentOptions.DEFAULTS),
                DType.FLOAT64, 7, 10, 5);
        assertArrayEquals(new double[24], cifg.parameters().get(2).value().toDoubleArray(), "no forget block");
        assertEquals(List.of("gru/kernel", "gru/recurrent_kernel", "gru/bias"),
                built(new Gru(3), DType.FLOAT64, 1, 4, 2).parameters().stream().map(Parameter::name).toList());
        assertEquals(List.of("simple_rnn/kernel", "simple_rnn/recurrent_kernel", "simple_rnn/gamma", "simple_rnn/beta"),
                built(new SimpleRnn(SimpleRnn.CellOptions.of(3).withLayerNorm(true), RecurrentOptions.DEFAULTS),
                        DType.FLOAT64, 1, 4, 2).parameters().stream().map(Parameter::name).toList());
    }

    @Test
    void irnnWithZeroInputsKeepsItsPositiveState() {
        // SimpleRNN(4, activation=relu, recurrent_initializer=identity): h_t = relu(x_t W + h_{t-1} I + 0)
        SimpleRnn irnn = built(new SimpleRnn(SimpleRnn.CellOptions.of(4).withActivation(Activation.RELU),
                SEQ.withRecurrentInitializer(KerasInitializer.IDENTITY)), DType.FLOAT64, 7, 6, 3);
        assertClose("U = I", identity(4), irnn.parameters().get(1).value(), 0);
        Tensor h0 = Tensor.of(new double[]{0.5, 1, 2, 3}, 1, 4);
        RecurrentResult r = irnn.call(Variable.constant(Tensor.zeros(DType.FLOAT64, 1, 6, 3)), null,
                State.of(Variable.constant(h0)), Context.inference());
        for (int t = 0; t < 6; t++) {
            assertClose("step " + t, h0.reshape(4), r.output().value().select(0, 0).select(0, t), 0);
        }
    }

    @Test
    void anUnknownTimeAcceptsAnyLength() {
        Lstm lstm = new Lstm(3, SEQ);
        assertArrayEquals(new int[]{-1, 3}, lstm.build(new BuildContext(DType.FLOAT64, new SplittableRandom(1)), -1, 2));
        assertArrayEquals(new int[]{-1, 3}, lstm.outputShape());
        for (int time : new int[]{1, 3, 7}) {
            Variable x = constant(DType.FLOAT64, time, 2, time, 2);
            assertArrayEquals(new int[]{2, time, 3}, lstm.call(x, null, null, Context.inference()).output().value().shape());
        }
        assertArrayEquals(new int[]{3}, built(new Gru(3), DType.FLOAT64, 1, -1, 2).outputShape());
    }

    private static Tensor identity(int n) {
        Tensor t = Tensor.zeros(DType.FLOAT64, n, n);
        for (int i = 0; i < n; i++) {
            t.set(1, i, i);
        }
        return t;
    }
}
