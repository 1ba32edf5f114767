package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.rnn.CellConfigTest.assertMessage;

/** Every message a cell throws for a wrong argument, word for word. */
class ValidationTest {

    private static final LstmConfig LSTM = LstmConfig.of(3, 4);
    private static final LstmCell CELL = new LstmCell(LSTM,
            LstmWeights.create(LSTM, "lstm", WeightInit.constant(DType.FLOAT32, 0.1)));
    private static final GruCell GRU = new GruCell(GruConfig.of(3, 4),
            GruWeights.create(GruConfig.of(3, 4), "gru", WeightInit.constant(DType.FLOAT32, 0.1)));

    @Test
    void input() {
        assertMessage("LSTM input has 5 features per step but the layer was built for 3 (input shape [32, 100, 5]).",
                () -> CELL.run(zeros(32, 100, 5), null, Direction.FORWARD, null));
        assertMessage("LSTM input must be [batch, time, features] but has shape [32, 3]; for a single time step"
                + " use unsqueeze(1)", () -> CELL.run(zeros(32, 3), null, Direction.FORWARD, null));
        assertMessage("LSTM input must be [batch, time, features] but has shape [1, 2, 3, 3]",
                () -> CELL.run(zeros(1, 2, 3, 3), null, Direction.FORWARD, null));
        assertMessage("LSTM input has no time steps (input shape [2, 0, 3])",
                () -> CELL.run(zeros(2, 0, 3), null, Direction.FORWARD, null));
        assertMessage("LSTM input has no batch rows (input shape [0, 5, 3])",
                () -> Recurrence.reference(CELL, zeros(0, 5, 3), null, Direction.FORWARD, null));
        assertMessage("LSTM input is float64 but the weights are float32; convert with Tensor.to(DType)",
                () -> CELL.run(Variable.constant(Tensor.zeros(DType.FLOAT64, 2, 5, 3)), null, Direction.FORWARD, null));
    }

    @Test
    void stepInput() {
        State s = State.of(zeros(2, 4), zeros(2, 4));
        assertMessage("LSTM step input must be [batch, 3] but has shape [2, 5]", () -> CELL.step(zeros(2, 5), s));
        assertMessage("LSTM state h has shape [3, 4] but needs [2, 4] ([batch, units])",
                () -> CELL.step(zeros(2, 3), State.of(zeros(3, 4), zeros(3, 4))));
    }

    @Test
    void mask() {
        assertMessage("LSTM mask has shape [32, 99] but the input [32, 100, 3] needs [32, 100] (one 0/1 per batch"
                + " row and time step)", () -> CELL.run(zeros(32, 100, 3), Tensor.zeros(32, 99), Direction.FORWARD, null));
        Tensor half = Tensor.full(DType.FLOAT32, 1, 2, 3);
        half.set(0.5, 1, 2);
        assertMessage("LSTM mask holds 0.5 at [1, 2]; a mask holds only 0 (skip the step) or 1 (use it)",
                () -> CELL.run(zeros(2, 3, 3), half, Direction.FORWARD, null));
    }

    @Test
    void initialState() {
        Variable x = zeros(2, 5, 3);
        assertMessage("LSTM initial state h has shape [16, 4] but needs [2, 4] ([batch, units])",
                () -> CELL.run(x, null, Direction.FORWARD, State.of(zeros(16, 4), zeros(2, 4))));
        assertMessage("LSTM initial state c has shape [2, 5] but needs [2, 4] ([batch, units])",
                () -> CELL.run(x, null, Direction.FORWARD, State.of(zeros(2, 4), zeros(2, 5))));
        assertMessage("LSTM initial state has no cell state c; an LSTM state is State.of(h, c)",
                () -> CELL.run(x, null, Direction.FORWARD, State.of(zeros(2, 4))));
        assertMessage("GRU initial state has a cell state c but a GRU carries only h; use State.of(h)",
                () -> GRU.run(x, null, Direction.FORWARD, State.of(zeros(2, 4), zeros(2, 4))));
        assertMessage("LSTM initial state h is float64 but the weights are float32; convert with Tensor.to(DType)",
                () -> CELL.run(x, null, Direction.FORWARD,
                        State.of(Variable.constant(Tensor.zeros(DType.FLOAT64, 2, 4)), zeros(2, 4))));
        assertMessage("a recurrent state needs a hidden state h", () -> new State(null, null));
        assertMessage("an LSTM state needs a cell state c", () -> State.of(zeros(2, 4), null));
    }

    @Test
    void weights() {
        Variable k = zeros(3, 16);
        Variable u = zeros(4, 16);
        Variable b = zeros(16);
        assertMessage("LSTM weight recurrentKernel has shape [3, 16] but a cell with 3 input features and 4 units"
                + " needs [4, 16]", () -> new LstmCell(LSTM, new LstmWeights(k, zeros(3, 16), b)));
        assertMessage("LSTM weight peepholeForget is missing; a cell with 3 input features and 4 units needs one of"
                + " shape [4]", () -> new LstmCell(LSTM.withPeepholes(), new LstmWeights(k, u, b, zeros(4), null, zeros(4))));
        assertMessage("LSTM weight peepholeInput is given but the configuration has no peepholes; use"
                + " config.withPeepholes()", () -> new LstmCell(LSTM, new LstmWeights(k, u, b, zeros(4), zeros(4), zeros(4))));
        LstmConfig cifg = LstmConfig.of(3, 4).withCoupledInputForget().withPeepholes();
        assertMessage("LSTM weight peepholeForget is given but with a coupled input-forget gate f = 1 - i has no"
                + " peephole of its own", () -> new LstmCell(cifg,
                new LstmWeights(zeros(3, 12), zeros(4, 12), zeros(12), zeros(4), zeros(4), zeros(4))));
        assertMessage("LSTM weights mix float32 and float64; convert them to one type with Tensor.to(DType)",
                () -> new LstmCell(LSTM, new LstmWeights(k, u, Variable.constant(Tensor.zeros(DType.FLOAT64, 16)))));
        assertMessage("GRU weight bias has shape [12] but a cell with 3 input features and 4 units needs [2, 12]",
                () -> new GruCell(GruConfig.of(3, 4), new GruWeights(zeros(3, 12), zeros(4, 12), zeros(12))));
    }

    private static Variable zeros(int... shape) {
        return Variable.constant(Tensor.zeros(DType.FLOAT32, shape));
    }
}
