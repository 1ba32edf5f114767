package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Dense;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.nn.Sequential;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static dev.recur.nn.rnn.Fixtures.assertClose;
import static dev.recur.nn.rnn.Fixtures.built;
import static dev.recur.nn.rnn.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Running one step at a time with carried state gives what the whole sequence gives, step by step. */
class StepwiseTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);

    @ParameterizedTest
    @EnumSource(DType.class)
    void layerStepEqualsTheWholeSequence(DType dtype) {
        double tolerance = dtype == DType.FLOAT32 ? 1e-6 : 1e-13;
        for (RecurrentLayer layer : List.of(new SimpleRnn(4, SEQ), new Lstm(4, SEQ), new Gru(4, SEQ),
                new Gru(Gru.CellOptions.of(4).withResetAfter(false), SEQ),
                new Lstm(Lstm.CellOptions.of(4).withLayerNorm(true).withPeepholes(true), SEQ))) {
            built(layer, dtype, 7, -1, 3);
            Tensor x = Fixtures.data(dtype, 1, 2, 5, 3);
            RecurrentResult whole = layer.call(Variable.constant(x), null, null, Context.inference());
            State state = null;
            for (int t = 0; t < 5; t++) {
                state = layer.step(Variable.constant(x.select(1, t).contiguous()), state);
                assertClose(layer.type() + " step " + t, whole.output().value().select(1, t), state.h().value(), tolerance);
            }
            if (state.hasCell()) {
                assertClose("final c", whole.state().c().value(), state.c().value(), tolerance);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aStackStepsAsTheModelRunsTheSequence(DType dtype) {
        double tolerance = dtype == DType.FLOAT32 ? 2e-6 : 1e-13;
        Sequential model = new Sequential(new Lstm(5, SEQ), new Gru(4, SEQ), new SimpleRnn(3, SEQ), new Dense(2));
        model.build(new BuildContext(dtype, new SplittableRandom(3)), -1, 3);
        Tensor x = Fixtures.data(dtype, 1, 2, 6, 3);
        Tensor whole = model.forward(Masked.of(Variable.constant(x)), Context.inference()).value().value();
        Stepper stepper = new Stepper(model.layers());
        for (int t = 0; t < 6; t++) {
            Tensor y = stepper.step(steps(x, t, t + 1)); // [2, 1, 2]
            assertClose("step " + t, steps(whole, t, t + 1), y, tolerance);
        }
        stepper.reset();
        assertClose("after reset, from the start", steps(whole, 0, 1), stepper.step(steps(x, 0, 1)), tolerance);
    }

    @Test
    void aStackEndingInTheLastOutputGivesTheModelsOutputAtTheLastStep() {
        Sequential model = new Sequential(new Gru(4, SEQ), new Lstm(3), new Dense(1));
        model.build(new BuildContext(DType.FLOAT64, new SplittableRandom(3)), 5, 2);
        Tensor x = Fixtures.data(DType.FLOAT64, 1, 3, 5, 2);
        Stepper stepper = new Stepper(model.layers());
        Tensor y = null;
        for (int t = 0; t < 5; t++) {
            y = stepper.step(steps(x, t, t + 1));
        }
        assertClose("last step", model.predict(x), y, 1e-13);
    }

    @Test
    void aDecoderStartsFromAnEncodersState() {
        Lstm encoder = built(new Lstm(4, RecurrentOptions.DEFAULTS.withReturnState(true)), DType.FLOAT64, 1, -1, 3);
        Lstm decoder = built(new Lstm(4, SEQ), DType.FLOAT64, 2, -1, 2);
        State context = encoder.call(Fixtures.constant(DType.FLOAT64, 3, 2, 7, 3), null, null, Context.inference()).state();
        Tensor target = Fixtures.data(DType.FLOAT64, 4, 2, 5, 2);
        Tensor teacherForced = decoder.call(Variable.constant(target), null, context, Context.inference()).output().value();
        Stepper stepper = new Stepper(List.of(decoder));
        stepper.setState(decoder, context);
        for (int t = 0; t < 5; t++) {
            assertClose("step " + t, steps(teacherForced, t, t + 1), stepper.step(steps(target, t, t + 1)), 1e-13);
        }
        assertEquals(List.of(decoder), stepper.recurrentLayers());
        stepper.setState(decoder, null);
        assertNull(stepper.state(decoder));
    }

    @Test
    void refusals() {
        Bidirectional bi = built(new Bidirectional(new Lstm(3, SEQ)), DType.FLOAT64, 1, 4, 2);
        assertEquals("Stepper: Bidirectional layer bidirectional cannot run step by step, as its backward half reads the"
                + " sequence from its end; run it on whole sequences",
                assertThrows(IllegalArgumentException.class, () -> new Stepper(List.of(bi))).getMessage());
        Gru backwards = built(new Gru(3, SEQ.withDirection(Direction.BACKWARD)), DType.FLOAT64, 1, 4, 2);
        assertEquals("Stepper: GRU layer gru has go_backwards=true, so it reads the sequence from its end and cannot run"
                + " step by step", assertThrows(IllegalArgumentException.class,
                () -> new Stepper(List.of(backwards))).getMessage());
        Layer unbuilt = new Lstm(3);
        assertEquals("Stepper: layer lstm (LSTM) is not built yet; build the model first",
                assertThrows(IllegalStateException.class, () -> new Stepper(List.of(unbuilt))).getMessage());
        Lstm other = built(new Lstm(3), DType.FLOAT64, 1, 4, 2);
        Stepper stepper = new Stepper(List.of(built(new Lstm(3), DType.FLOAT64, 1, 4, 2)));
        assertEquals("Stepper: LSTM layer lstm is not one of the stepped layers",
                assertThrows(IllegalArgumentException.class, () -> stepper.state(other)).getMessage());
    }
}
