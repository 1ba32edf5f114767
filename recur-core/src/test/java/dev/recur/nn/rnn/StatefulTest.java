package dev.recur.nn.rnn;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static dev.recur.nn.rnn.Fixtures.assertClose;
import static dev.recur.nn.rnn.Fixtures.built;
import static dev.recur.nn.rnn.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A stateful layer carries each batch's final state into the next call, detached, as Keras's stateful RNNs. */
class StatefulTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);
    private static final List<Function<RecurrentOptions, RecurrentLayer>> KINDS = List.of(
            o -> new SimpleRnn(4, o), o -> new Lstm(4, o), o -> new Gru(4, o));

    @Test
    void twoBatchesInARowEqualOneLongSequence() {
        for (var kind : KINDS) {
            Tensor x = Fixtures.data(DType.FLOAT64, 1, 2, 6, 3);
            RecurrentLayer stateful = built(kind.apply(SEQ.withStateful(true)), DType.FLOAT64, 7, -1, 3);
            RecurrentLayer whole = built(kind.apply(SEQ), DType.FLOAT64, 7, -1, 3); // the same weights
            Tensor expected = whole.call(Variable.constant(x), null, null, Context.inference()).output().value();
            Tensor first = stateful.call(Variable.constant(steps(x, 0, 4)), null, null, Context.inference()).output().value();
            Tensor second = stateful.call(Variable.constant(steps(x, 4, 6)), null, null, Context.inference()).output().value();
            assertClose(stateful.type() + " first batch", steps(expected, 0, 4), first, 1e-12);
            assertClose(stateful.type() + " second batch continues", steps(expected, 4, 6), second, 1e-12);
            stateful.resetStates();
            assertNull(stateful.carriedState());
            Tensor again = stateful.call(Variable.constant(steps(x, 4, 6)), null, null, Context.inference()).output().value();
            assertClose("after resetStates, from zeros", whole.call(Variable.constant(steps(x, 4, 6)), null, null,
                    Context.inference()).output().value(), again, 1e-12);
        }
    }

    @Test
    void theCarriedStateIsDetached() {
        Lstm lstm = built(new Lstm(3, SEQ.withStateful(true)), DType.FLOAT64, 7, 4, 2);
        Variable x1 = Variable.leaf(Fixtures.data(DType.FLOAT64, 1, 2, 4, 2));
        lstm.call(x1, null, null, Context.training(new SplittableRandom(1)));
        assertNotNull(lstm.carriedState().c());
        assertNull(lstm.carriedState().h().creator(), "a constant, cut from the first batch's graph");
        lstm.call(Fixtures.constant(DType.FLOAT64, 2, 2, 4, 2), null, null, Context.training(new SplittableRandom(1)))
                .output().sum().backward();
        assertFalse(x1.hasGrad(), "the second batch's loss does not reach the first batch");
    }

    @Test
    void gradientsOfTheSecondBatchPassTheCheck() {
        for (var kind : KINDS) {
            RecurrentLayer layer = built(kind.apply(RecurrentOptions.DEFAULTS.withStateful(true)), DType.FLOAT64, 7, 4, 2);
            Tensor mask = Tensor.of(new double[]{1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, 3, 4);
            layer.call(Fixtures.constant(DType.FLOAT64, 1, 3, 4, 2), null, null, Context.inference());
            State carried = layer.carriedState();
            Variable x2 = Variable.leaf(Fixtures.data(DType.FLOAT64, 2, 3, 4, 2));
            List<Variable> wrt = new ArrayList<>(List.of(x2));
            wrt.addAll(layer.parameters());
            GradientCheck.assertPasses(layer.type() + " stateful, second batch", () -> {
                layer.resetStates(carried); // every evaluation starts from the first batch's final state
                return layer.forward(new Masked(x2, mask), Context.inference()).value();
            }, wrt);
        }
    }

    @Test
    void fusedSecondBatchMatchesTheReferenceComposition() {
        for (var kind : KINDS) {
            List<Tensor> results = new ArrayList<>();
            for (boolean reference : new boolean[]{true, false}) {
                RecurrentLayer layer = built(kind.apply(SEQ.withStateful(true)), DType.FLOAT32, 7, 4, 2);
                layer.useReference(reference);
                layer.call(Fixtures.constant(DType.FLOAT32, 1, 3, 4, 2), null, null, Context.inference());
                Variable x2 = Variable.leaf(Fixtures.data(DType.FLOAT32, 2, 3, 4, 2));
                Variable y = layer.call(x2, null, null, Context.inference()).output();
                y.sum().backward();
                results.add(y.value());
                results.add(x2.grad());
                layer.parameters().forEach(p -> results.add(p.grad()));
            }
            int half = results.size() / 2;
            for (int i = 0; i < half; i++) {
                assertClose(kind.apply(SEQ).type() + " result " + i, results.get(i), results.get(half + i), 2e-5);
            }
        }
    }

    @Test
    void anotherBatchSizeIsAnErrorInTrainingAndStartsFromZerosInInference() {
        Gru gru = built(new Gru(3, SEQ.withStateful(true)), DType.FLOAT64, 7, 4, 2);
        gru.call(Fixtures.constant(DType.FLOAT64, 1, 32, 4, 2), null, null, Context.training(new SplittableRandom(1)));
        Variable small = Fixtures.constant(DType.FLOAT64, 2, 16, 4, 2);
        var e = assertThrows(IllegalArgumentException.class,
                () -> gru.call(small, null, null, Context.training(new SplittableRandom(1))));
        assertEquals("GRU layer gru is stateful and carries the state of 32 sequences, but this training batch has 16."
                + " Possible cause: the last batch of an epoch is smaller; use a batch size that divides the number of"
                + " sequences, or call resetStates() before changing the batch size", e.getMessage());
        Gru fresh = built(new Gru(3, SEQ), DType.FLOAT64, 7, 4, 2);
        Tensor fromZeros = fresh.call(small, null, null, Context.inference()).output().value();
        assertClose("inference with another batch size starts from zeros", fromZeros,
                gru.call(small, null, null, Context.inference()).output().value(), 0);
        assertEquals(16, gru.carriedState().h().value().dim(0), "and carries its own state from then on");
        Variable next = Fixtures.constant(DType.FLOAT64, 3, 16, 4, 2);
        State s = fresh.call(small, null, null, Context.inference()).state();
        assertClose("which the next call continues", fresh.call(next, null, s, Context.inference()).output().value(),
                gru.call(next, null, null, Context.inference()).output().value(), 1e-12);
    }

    @Test
    void anExplicitInitialStateWinsAndResetStatesCanSetTheState() {
        SimpleRnn rnn = built(new SimpleRnn(3, SEQ.withStateful(true)), DType.FLOAT64, 7, 4, 2);
        SimpleRnn plain = built(new SimpleRnn(3, SEQ), DType.FLOAT64, 7, 4, 2);
        Variable x = Fixtures.constant(DType.FLOAT64, 1, 2, 4, 2);
        State s = State.of(Fixtures.constant(DType.FLOAT64, 2, 2, 3));
        rnn.call(x, null, null, Context.inference());
        assertClose("initial state", plain.call(x, null, s, Context.inference()).output().value(),
                rnn.call(x, null, s, Context.inference()).output().value(), 0);
        rnn.resetStates(s);
        assertClose("resetStates(state)", plain.call(x, null, s, Context.inference()).output().value(),
                rnn.call(x, null, null, Context.inference()).output().value(), 0);
        var e = assertThrows(IllegalStateException.class, () -> plain.resetStates(s));
        assertEquals("resetStates(state): SimpleRNN layer simple_rnn is not stateful; give it stateful=true, or pass"
                + " the state to call(x, mask, initialState, ctx)", e.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class,
                () -> rnn.resetStates(State.of(Fixtures.constant(DType.FLOAT64, 2, 2, 5))));
        assertEquals("SimpleRNN state h has shape [2, 5] but needs [2, 3] ([batch, units])", wrong.getMessage());
    }

    @Test
    void bidirectionalResetsBothCopies() {
        Bidirectional bi = built(new Bidirectional(new Lstm(3, SEQ.withStateful(true))), DType.FLOAT64, 7, 4, 2);
        bi.call(Fixtures.constant(DType.FLOAT64, 1, 2, 4, 2), null, null, null, Context.inference());
        assertNotNull(bi.forwardLayer().carriedState());
        assertNotNull(bi.backwardLayer().carriedState());
        bi.resetStates();
        assertNull(bi.forwardLayer().carriedState());
        assertNull(bi.backwardLayer().carriedState());
    }
}
