package dev.recur.train;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.Bidirectional;
import dev.recur.nn.rnn.Direction;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.nn.rnn.SimpleRnn;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FitOptions#withTruncatedBptt}: validation, equivalence with whole-sequence training, steps per window, learning. */
class TruncatedBpttTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);

    static Tensor data(long seed, int... shape) {
        return Tensor.uniform(new SplittableRandom(seed), DType.FLOAT32, -1, 1, shape);
    }

    private static Trainer perStep() {
        return Trainer.compile(new Sequential(new Lstm(4, SEQ.withDropout(0.2)), new Dense(1)), new MeanSquaredError(),
                Adam.defaults());
    }

    private static Trainer lastStep() {
        return Trainer.compile(new Sequential(new Lstm(4), new Dense(1)), new MeanSquaredError(), Adam.defaults());
    }

    private static FitOptions options() {
        return FitOptions.defaults().withEpochs(2).withBatchSize(4).withSeed(3);
    }

    // ---- validation ----------------------------------------------------------------------------

    @Test
    void lengthsAreValidated() {
        assertEquals("FitOptions.withTruncatedBptt: forwardLength must be at least 1 but got 0; it is the number of steps"
                + " per window (DL4J's tBPTTForwardLength)", assertThrows(IllegalArgumentException.class,
                () -> FitOptions.defaults().withTruncatedBptt(0, 0)).getMessage());
        for (int k2 : new int[]{0, 6}) {
            assertEquals("FitOptions.withTruncatedBptt: backwardLength must be in [1, forwardLength = 5] but got " + k2
                    + "; the gradient cannot flow back further than the window (use backwardLength = forwardLength for"
                    + " full backpropagation within each window)", assertThrows(IllegalArgumentException.class,
                    () -> FitOptions.defaults().withTruncatedBptt(5, k2)).getMessage());
        }
        TruncatedBptt t = FitOptions.defaults().withTruncatedBptt(5, 3).truncatedBptt();
        assertEquals(new TruncatedBptt(5, 3), t);
        assertEquals(3, t.windows(11));
        assertEquals(1, t.windows(5));
        assertEquals(1, t.windows(2));
    }

    @Test
    void inputsWithoutATimeDimensionAreRefused() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        String m = assertThrows(IllegalArgumentException.class, () -> t.fit(data(1, 8, 3, 2, 1), data(2, 8, 1),
                options().withTruncatedBptt(2, 2))).getMessage();
        assertEquals("fit: truncated BPTT cuts sequences [samples, time, features] (or token ids [samples, time]) into"
                + " windows along time, but x has shape [8, 3, 2, 1]; train without withTruncatedBptt, or reshape x to"
                + " [samples, time, features]", m);
    }

    @Test
    void aModelWithoutRecurrentLayersIsRefused() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        String m = assertThrows(IllegalArgumentException.class, () -> t.fit(data(1, 8, 6, 2), data(2, 8, 6, 1),
                options().withTruncatedBptt(2, 2))).getMessage();
        assertTrue(m.startsWith("fit: truncated BPTT carries recurrent state from window to window, but the model "), m);
        assertTrue(m.endsWith(" has no recurrent layer (SimpleRNN, LSTM, GRU); train it without withTruncatedBptt"), m);
    }

    @Test
    void layersReadingBackwardsAreRefused() {
        Trainer backwards = Trainer.compile(new Sequential(new SimpleRnn(3, SEQ.withDirection(Direction.BACKWARD)),
                new Dense(1)), new MeanSquaredError(), Adam.defaults());
        Trainer bidirectional = Trainer.compile(new Sequential(new Bidirectional(new SimpleRnn(3, SEQ)), new Dense(1)),
                new MeanSquaredError(), Adam.defaults());
        for (Trainer t : new Trainer[]{backwards, bidirectional}) {
            String m = assertThrows(IllegalArgumentException.class, () -> t.fit(data(1, 8, 6, 2), data(2, 8, 6, 1),
                    options().withTruncatedBptt(2, 2))).getMessage();
            assertTrue(m.startsWith("fit: truncated BPTT: recurrent layer "), m);
            assertTrue(m.endsWith(" reads sequences backwards (go_backwards or Bidirectional), so a window's final state"
                    + " belongs to its first step and cannot be carried into the next window. Possible cause: a"
                    + " bidirectional model; train it on whole sequences (no truncated BPTT) or use forward layers only"), m);
        }
    }

    @Test
    void aModelBuiltForAFixedTimeIsRefusedWhenWindowsAreShorter() {
        Sequential model = new Sequential(new SimpleRnn(3, SEQ), new Dense(1));
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), 6, 2);
        Trainer t = Trainer.compile(model, new MeanSquaredError(), Adam.defaults());
        String m = assertThrows(IllegalArgumentException.class, () -> t.fit(data(1, 8, 6, 2), data(2, 8, 6, 1),
                options().withTruncatedBptt(4, 4))).getMessage();
        assertTrue(m.startsWith("fit: truncated BPTT cuts sequences of 6 steps into windows of 4, but the model was built"
                + " for exactly 6 steps ("), m);
        assertTrue(m.endsWith("). Possible cause: the model was built before fit; build it for any length (time -1,"
                + " Input(None, features)) or let fit build it"), m);
        // one window of the whole sequence needs no other length: accepted
        assertEquals(2, t.fit(data(1, 8, 6, 2), data(2, 8, 6, 1), options().withTruncatedBptt(6, 6)).size());
    }

    @Test
    void carriedStatesOfNoLayerAreRefusedOnRestore() {
        Sequential model = new Sequential(new Lstm(3, SEQ.withStateful(true)), new Dense(1));
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), -1, 2);
        String m = assertThrows(IllegalArgumentException.class, () -> RecurrentStates.of(model)
                .restore(Map.of("other/h", Tensor.zeros(2, 3)), "resumeFrom x")).getMessage();
        assertEquals("resumeFrom x: the checkpoint holds carried states [other/h] of no stateful recurrent layer of this"
                + " model", m);
    }

    // ---- equivalence ---------------------------------------------------------------------------

    /** A sequence no longer than k1 is one window, the whole sequence: training is normal training, bit for bit. */
    @ParameterizedTest
    @ValueSource(ints = {6, 7, 100})
    void withWindowsNoShorterThanTheSequenceTrainingIsNormalTraining(int k1) {
        for (boolean sequenceTargets : new boolean[]{true, false}) {
            Tensor x = data(1, 10, 6, 2);
            Tensor y = sequenceTargets ? data(2, 10, 6, 1) : data(2, 10, 1);
            Trainer normal = sequenceTargets ? perStep() : lastStep();
            Trainer windowed = sequenceTargets ? perStep() : lastStep();
            History expected = normal.fit(x, y, options());
            History actual = windowed.fit(x, y, options().withTruncatedBptt(k1, k1));
            assertArrayEquals(TrainerFitTest.weights(normal.model().parameters()),
                    TrainerFitTest.weights(windowed.model().parameters()));
            assertEquals(expected.epochs(), actual.epochs());
            assertEquals(normal.optimizer().iterations(), windowed.optimizer().iterations());
        }
    }

    /** One optimizer step per window, the last partial window included; per-sequence targets: one per batch. */
    @Test
    void oneStepPerWindowThatCarriesLoss() {
        Tensor x = data(1, 8, 10, 2);
        Trainer perStep = perStep();
        perStep.fit(x, data(2, 8, 10, 1), options().withTruncatedBptt(4, 4)); // windows 4, 4, 2
        assertEquals(2 * 2 * 3, perStep.optimizer().iterations());
        Trainer lastStep = lastStep();
        lastStep.fit(x, data(2, 8, 1), options().withTruncatedBptt(4, 2));
        assertEquals(2 * 2, lastStep.optimizer().iterations(), "only the last window carries loss");
    }

    /** Validation and evaluation run whole sequences, with nothing carried from training. */
    @Test
    void evaluationAfterwardsSeesWholeSequencesFromZeros() {
        Tensor x = data(1, 8, 10, 2);
        Tensor y = data(2, 8, 10, 1);
        Trainer t = perStep();
        History h = t.fit(x, y, options().withTruncatedBptt(3, 3).withValidationData(data(3, 4, 7, 2), data(4, 4, 7, 1)));
        assertTrue(Double.isFinite(h.last("val_loss")));
        assertEquals(t.evaluate(x, y, 8).get("loss"), t.evaluate(x, y, 3).get("loss"), 1e-6);
    }

    /** A short fit on long sequences learns y_t = x_{t-2}, a memory that crosses window boundaries. */
    @Test
    void aShortFitOnLongSequencesLearns() {
        Tensor x = data(5, 32, 60, 1);
        Tensor y = Tensor.zeros(32, 60, 1);
        for (int i = 0; i < 32; i++) {
            for (int t = 2; t < 60; t++) {
                y.set(x.get(i, t - 2, 0), i, t, 0);
            }
        }
        Trainer t = Trainer.compile(new Sequential(new Lstm(8, SEQ), new Dense(1)), new MeanSquaredError(),
                Adam.defaults().withLearningRate(0.02));
        History h = t.fit(x, y, FitOptions.defaults().withEpochs(15).withBatchSize(8).withSeed(1)
                .withTruncatedBptt(15, 15));
        double first = h.epoch(0).get("loss");
        double last = h.last("loss");
        assertTrue(last < 0.3 * first, "loss " + first + " -> " + last);
    }
}
