package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Context;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static dev.recur.nn.rnn.Fixtures.assertClose;
import static dev.recur.nn.rnn.Fixtures.built;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Variational dropout (Gal and Ghahramani 2016): in training, one mask per sequence on the input
 * features and one on h_{t-1} where it enters the recurrent products, the same at every step,
 * drawn from the context's generator; nothing in inference.
 */
class DropoutTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);
    private static final List<Function<RecurrentOptions, RecurrentLayer>> KINDS = List.of(
            o -> new SimpleRnn(4, o), o -> new Lstm(4, o), o -> new Gru(4, o),
            o -> new Gru(Gru.CellOptions.of(4).withResetAfter(false), o));

    @Test
    void theLayerAppliesOneMaskPerSequenceAtEveryStep() {
        for (var kind : KINDS) {
            RecurrentLayer layer = built(kind.apply(SEQ.withDropout(0.4).withRecurrentDropout(0.3)), DType.FLOAT64, 7, 5, 3);
            Variable x = Fixtures.constant(DType.FLOAT64, 1, 6, 5, 3);
            Tensor actual = layer.call(x, null, null, Context.training(new SplittableRandom(11))).output().value();
            // the same draws by hand: the input mask [B, 1, in] first, then the recurrent mask [B, h]
            SplittableRandom rng = new SplittableRandom(11);
            Tensor inputMask = VariationalDropout.mask(rng, DType.FLOAT64, 0.4, 6, 1, 3);
            Tensor recurrentMask = VariationalDropout.mask(rng, DType.FLOAT64, 0.3, 6, 4);
            Tensor expected = Recurrence.reference(layer.cell(), x.mul(Variable.constant(inputMask)), null,
                    Direction.FORWARD, null, recurrentMask).sequence().value();
            assertClose(layer.type(), expected, actual, 1e-12);
        }
    }

    @Test
    void aDroppedInputFeatureHasNoEffectAtAnyStep() {
        Lstm lstm = built(new Lstm(4, SEQ.withDropout(0.5)), DType.FLOAT64, 7, 5, 3);
        Tensor x = Fixtures.data(DType.FLOAT64, 1, 4, 5, 3);
        Tensor keep = VariationalDropout.mask(new SplittableRandom(5), DType.FLOAT64, 0.5, 4, 1, 3);
        Tensor base = lstm.call(Variable.constant(x), null, null, Context.training(new SplittableRandom(5))).output().value();
        int dropped = 0;
        for (int b = 0; b < 4; b++) {
            for (int j = 0; j < 3; j++) {
                Tensor changed = x.copy();
                for (int t = 0; t < 5; t++) {
                    changed.set(changed.get(b, t, j) + 0.5, b, t, j);
                }
                Tensor out = lstm.call(Variable.constant(changed), null, null, Context.training(new SplittableRandom(5)))
                        .output().value();
                boolean isDropped = keep.get(b, 0, j) == 0;
                dropped += isDropped ? 1 : 0;
                assertEquals(isDropped, out.maxAbsDiff(base) == 0, "row " + b + ", feature " + j);
            }
        }
        assertTrue(dropped > 0 && dropped < 12, "some features dropped, some kept: " + dropped);
    }

    @Test
    void masksDropTheRateAndScaleTheRest() {
        Tensor m = VariationalDropout.mask(new SplittableRandom(1), DType.FLOAT32, 0.3, 100, 100);
        int zeros = 0;
        for (int i = 0; i < m.size(); i++) {
            double v = m.getFlat(i);
            zeros += v == 0 ? 1 : 0;
            assertTrue(v == 0 || Math.abs(v - 1 / 0.7) < 1e-6, "0 or 1 / (1 - rate), got " + v);
        }
        assertEquals(0.3, zeros / 10_000.0, 0.02);
    }

    @Test
    void inferenceDropsNothingAndTrainingDependsOnTheSeed() {
        Gru noisy = built(new Gru(4, SEQ.withDropout(0.5).withRecurrentDropout(0.5)), DType.FLOAT64, 7, 5, 3);
        Gru plain = built(new Gru(4, SEQ), DType.FLOAT64, 7, 5, 3);
        Variable x = Fixtures.constant(DType.FLOAT64, 1, 2, 5, 3);
        assertClose("inference", plain.call(x, null, null, Context.inference()).output().value(),
                noisy.call(x, null, null, Context.inference()).output().value(), 0);
        Tensor a = noisy.call(x, null, null, Context.training(new SplittableRandom(1))).output().value();
        Tensor b = noisy.call(x, null, null, Context.training(new SplittableRandom(2))).output().value();
        assertFalse(a.maxAbsDiff(b) == 0, "other seeds, other masks");
    }

    @Test
    void aFullyDroppedRecurrentInputIsACellWithoutRecurrentKernel() {
        // with every unit of h_{t-1} dropped, only the products change: the carried state (GRU's z h_{t-1}, LSTM's c) stays
        for (CellCase c : CellCase.all()) {
            List<Tensor> w = c.weights(DType.FLOAT64, 3);
            List<Variable> weights = w.stream().map(Variable::constant).toList();
            List<Variable> noRecurrent = new java.util.ArrayList<>(weights);
            noRecurrent.set(1, Variable.constant(Tensor.zeros(DType.FLOAT64, c.config().recurrentKernelShape())));
            Variable x = Fixtures.constant(DType.FLOAT64, 4, 2, c.config().inputSize());
            Variable h = Fixtures.constant(DType.FLOAT64, 5, 2, c.config().units());
            State s = c.config().hasCellState() ? State.of(h, Fixtures.constant(DType.FLOAT64, 6, 2, c.config().units()))
                    : State.of(h);
            State dropped = c.cell(weights).step(x, s, Tensor.zeros(DType.FLOAT64, 2, c.config().units()));
            State expected = c.cell(noRecurrent).step(x, s);
            assertClose(c + " h", expected.h().value(), dropped.h().value(), 1e-14);
        }
    }
}
