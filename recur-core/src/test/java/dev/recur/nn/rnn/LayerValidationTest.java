package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.SplittableRandom;

import static dev.recur.nn.rnn.Fixtures.built;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every message the recurrent layers throw for a wrong argument or call, word for word. */
class LayerValidationTest {

    private static final BuildContext F32 = new BuildContext(DType.FLOAT32, new SplittableRandom(1));

    @Test
    void inputShapesAtBuild() {
        assertEquals("LSTM needs inputs of shape (batch, time, features) but got input shape (None, 32). Possible cause:"
                + " the layer before returns one vector per sequence; give it return_sequences=true",
                error(() -> LayerRegistry.parseModel("Input(10, 8) LSTM(32) LSTM(32)").model().build(F32, 10, 8)));
        assertEquals("GRU needs inputs of shape (batch, time, features) but got input shape (None, 5, 4, 3)",
                error(() -> new Gru(3).build(F32, 5, 4, 3)));
        assertEquals("SimpleRNN needs a known number of features per step but got input shape (None, 5, None)",
                error(() -> new SimpleRnn(3).build(F32, 5, -1)));
    }

    @Test
    void inputsAtCall() {
        Lstm lstm = built(new Lstm(4), DType.FLOAT32, 1, -1, 3);
        assertEquals("LSTM input has 5 features per step but the layer was built for 3 (input shape [32, 100, 5]).",
                error(() -> lstm.call(zeros(32, 100, 5), null, null, Context.inference())));
        assertEquals("LSTM input is float64 but the weights are float32; convert with Tensor.to(DType)",
                error(() -> lstm.forward(Masked.of(Tensor.zeros(DType.FLOAT64, 2, 5, 3)), Context.inference())));
        assertEquals("LSTM mask has shape [2, 4] but the input [2, 5, 3] needs [2, 5] (one 0/1 per batch row and time"
                + " step)", error(() -> lstm.call(zeros(2, 5, 3), Tensor.zeros(2, 4), null, Context.inference())));
        assertEquals("LSTM initial state c has shape [2, 3] but needs [2, 4] ([batch, units])",
                error(() -> lstm.call(zeros(2, 5, 3), null, State.of(zeros(2, 4), zeros(2, 3)), Context.inference())));
        assertEquals("LSTM step input must be [batch, 3] but has shape [2, 5]", error(() -> lstm.step(zeros(2, 5), null)));
        assertEquals("LSTM initial state h has shape [3, 4] but needs [2, 4] ([batch, units])",
                error(() -> lstm.step(zeros(2, 3), State.of(zeros(3, 4), zeros(3, 4)))));
    }

    @Test
    void callOrder() {
        assertEquals("call: layer gru (GRU) is not built yet; call build(...) or run it on data first",
                stateError(() -> new Gru(3).call(zeros(2, 5, 3), null, null, Context.inference())));
        assertEquals("step: layer gru (GRU) is not built yet; call build(...) or run it on data first",
                stateError(() -> new Gru(3).step(zeros(2, 3), null)));
        Lstm states = built(new Lstm(4, RecurrentOptions.DEFAULTS.withReturnState(true)), DType.FLOAT32, 1, -1, 3);
        assertEquals("LSTM layer lstm has return_state=true, so it returns its output and its final states: run it with"
                + " call(x, mask, initialState, ctx); forward(...) returns one output, as a Sequential model needs",
                stateError(() -> states.forward(Masked.of(zeros(2, 5, 3)), Context.inference())));
    }

    @Test
    void cellWeights() {
        SimpleRnnConfig ln = SimpleRnnConfig.of(3, 4).withLayerNorm();
        assertEquals("SimpleRNN weight bias is given but with layer normalization the normalization's beta is the bias",
                error(() -> new SimpleRnnCell(ln, new SimpleRnnWeights(zeros(3, 4), zeros(4, 4), zeros(4), zeros(4),
                        zeros(4)))));
        assertEquals("SimpleRNN weight gamma is missing; a cell with 3 input features and 4 units needs one of shape [4]",
                error(() -> new SimpleRnnCell(ln, new SimpleRnnWeights(zeros(3, 4), zeros(4, 4), null))));
        assertEquals("SimpleRNN weight gamma is given but the configuration has no layer normalization; use"
                + " config.withLayerNorm()", error(() -> new SimpleRnnCell(SimpleRnnConfig.of(3, 4),
                new SimpleRnnWeights(zeros(3, 4), zeros(4, 4), zeros(4), zeros(4), zeros(4)))));
        LstmConfig lstm = LstmConfig.of(3, 4);
        assertEquals("LSTM weights have no norms but the configuration has layer normalization; give LstmNorms, or"
                + " create the weights with LstmWeights.create", error(() -> new LstmCell(lstm.withLayerNorm(),
                new LstmWeights(zeros(3, 16), zeros(4, 16), zeros(16)))));
        LstmNorms norms = new LstmNorms(zeros(16), zeros(16), zeros(4), zeros(4));
        assertEquals("LSTM weights have norms but the configuration has no layer normalization; use"
                + " config.withLayerNorm()", error(() -> new LstmCell(lstm,
                new LstmWeights(zeros(3, 16), zeros(4, 16), zeros(16), null, null, null, norms))));
        assertEquals("LSTM weight cellGamma has shape [3] but a cell with 3 input features and 4 units needs [4]",
                error(() -> new LstmCell(lstm.withLayerNorm(), new LstmWeights(zeros(3, 16), zeros(4, 16), zeros(16),
                        null, null, null, new LstmNorms(zeros(16), zeros(16), zeros(3), zeros(4))))));
        LstmCell cell = new LstmCell(lstm, LstmWeights.create(lstm, "lstm", WeightInit.constant(DType.FLOAT32, 0.1)));
        assertEquals("LSTM recurrent dropout mask has shape [2, 5] but needs [2, 4] ([batch, units])",
                error(() -> cell.step(zeros(2, 3), State.of(zeros(2, 4), zeros(2, 4)), Tensor.zeros(2, 5))));
    }

    private static Variable zeros(int... shape) {
        return Variable.constant(Tensor.zeros(DType.FLOAT32, shape));
    }

    private static String error(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static String stateError(Executable call) {
        return assertThrows(IllegalStateException.class, call).getMessage();
    }
}
