package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recur.nn.rnn.Fixtures.assertClose;
import static dev.recur.nn.rnn.Fixtures.built;
import static dev.recur.nn.rnn.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bidirectional: each copy's output at time t, merged as Keras merges, with twice the weights. */
class BidirectionalTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);

    /** Input {@code [3, 4, 2]}, row 1 fully masked and row 2 right-padded. */
    private static final Tensor X = Fixtures.data(DType.FLOAT64, 5, 3, 4, 2);
    private static final Tensor MASK = Tensor.of(new double[]{1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0}, 3, 4);

    @Test
    void eachMergeModeCombinesTheForwardOutputWithTheBackwardOneInTimeOrder() {
        for (Bidirectional.MergeMode mode : Bidirectional.MergeMode.values()) {
            Bidirectional bi = built(new Bidirectional(new Gru(3, SEQ), mode), DType.FLOAT64, 7, 4, 2);
            Bidirectional.Result r = bi.call(Variable.constant(X), MASK, null, null, Context.inference());
            // by hand: the forward copy's cell forward; the backward copy's cell forward over reversed inputs, reversed back
            Tensor f = Recurrence.reference(bi.forwardLayer().cell(), Variable.constant(X), MASK, Direction.FORWARD, null)
                    .sequence().value();
            Tensor b = reversed(Recurrence.reference(bi.backwardLayer().cell(), Variable.constant(reversed(X)),
                    reversed(MASK.unsqueeze(2)).reshape(3, 4), Direction.FORWARD, null).sequence().value());
            assertClose(mode + " forward", f, r.forward().value(), 1e-12);
            assertClose(mode + " backward in time order", b, r.backward().value(), 1e-12);
            Tensor expected = switch (mode) {
                case CONCAT -> Tensor.concat(2, f, b);
                case SUM -> f.add(b);
                case MUL -> f.mul(b);
                case AVE -> f.add(b).mul(0.5);
                case NONE -> null;
            };
            if (expected == null) {
                assertNull(r.output());
            } else {
                assertClose(mode.kerasName(), expected, r.output().value(), 1e-12);
            }
            assertSame(MASK, r.mask(), "the mask passes on in time order");
        }
    }

    @Test
    void theLastOutputJoinsBothFinalStates() {
        Bidirectional bi = built(new Bidirectional(new Lstm(3)), DType.FLOAT64, 7, 4, 2);
        Masked y = bi.forward(new Masked(Variable.constant(X), MASK), Context.inference());
        Bidirectional.Result r = bi.call(Variable.constant(X), MASK, null, null, Context.inference());
        assertArrayEquals(new int[]{3, 6}, y.value().value().shape());
        assertNull(y.mask());
        assertClose("concat of final h's", Tensor.concat(1, r.forwardState().h().value(), r.backwardState().h().value()),
                y.value().value(), 0);
        assertArrayEquals(new int[]{6}, bi.outputShape());
    }

    @Test
    void twoCopiesOfTheWeights() {
        Bidirectional bi = built(new Bidirectional(new Lstm(64)), DType.FLOAT32, 7, 10, 32);
        assertEquals(2 * 24_832, bi.countParams());
        assertEquals(List.of("bidirectional/forward_lstm/kernel", "bidirectional/forward_lstm/recurrent_kernel",
                "bidirectional/forward_lstm/bias", "bidirectional/backward_lstm/kernel",
                "bidirectional/backward_lstm/recurrent_kernel", "bidirectional/backward_lstm/bias"),
                bi.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new int[]{10, 64}, built(new Bidirectional(new Lstm(64, SEQ), Bidirectional.MergeMode.AVE),
                DType.FLOAT32, 7, 10, 32).outputShape());
        assertArrayEquals(new int[]{10, 128}, built(new Bidirectional(new Lstm(64, SEQ)), DType.FLOAT32, 7, 10, 32)
                .outputShape());
    }

    @Test
    void refusals() {
        Lstm builtLayer = built(new Lstm(3), DType.FLOAT64, 1, 4, 2);
        assertEquals("Bidirectional copies the configuration of the layer it wraps, not its weights, so it needs an"
                + " unbuilt layer, but LSTM layer lstm is built; pass a new layer",
                assertThrows(IllegalArgumentException.class, () -> new Bidirectional(builtLayer)).getMessage());
        assertEquals("Bidirectional wraps a layer with go_backwards=false and makes the backward copy itself, but GRU"
                + " layer gru has go_backwards=true", assertThrows(IllegalArgumentException.class,
                () -> new Bidirectional(new Gru(3, SEQ.withDirection(Direction.BACKWARD)))).getMessage());
        assertEquals("Bidirectional merge_mode must be one of concat, sum, mul, ave, None, got 'max'",
                assertThrows(IllegalArgumentException.class, () -> Bidirectional.MergeMode.fromKeras("max")).getMessage());
        Bidirectional none = built(new Bidirectional(new Gru(3, SEQ), Bidirectional.MergeMode.NONE), DType.FLOAT64, 1, 4, 2);
        Masked in = Masked.of(Variable.constant(X));
        assertEquals("Bidirectional layer bidirectional has merge_mode=None, so it returns several outputs: run it with"
                + " call(x, mask, forwardInitial, backwardInitial, ctx); forward(...) returns one output, as a Sequential"
                + " model needs", assertThrows(IllegalStateException.class,
                () -> none.forward(in, Context.inference())).getMessage());
        Bidirectional states = built(new Bidirectional(new Gru(3, SEQ.withReturnState(true))), DType.FLOAT64, 1, 4, 2);
        assertEquals("Bidirectional layer bidirectional has return_state=true, so it returns several outputs: run it"
                + " with call(x, mask, forwardInitial, backwardInitial, ctx); forward(...) returns one output, as a"
                + " Sequential model needs", assertThrows(IllegalStateException.class,
                () -> states.forward(in, Context.inference())).getMessage());
    }
}
