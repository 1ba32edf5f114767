package dev.recur.train;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.loss.MeanSquaredError;
import dev.recur.loss.Weighting;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Dense;
import dev.recur.nn.Masked;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.Gru;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.nn.rnn.SimpleRnn;
import dev.recur.nn.rnn.State;
import dev.recur.optim.Optimizer;
import dev.recur.optim.Sgd;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient truncated BPTT computes for a window is the gradient of that window's loss with
 * the carried-in state held constant (float64 central differences, DL4J's eps 1e-6 and maximum
 * relative error 1e-3), and the carried state is the one a forward pass over the whole sequence
 * reaches.
 */
class TruncatedBpttGradientTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);
    private static final Objective MSE = Objective.of(new MeanSquaredError());

    static RecurrentLayer layer(String kind) {
        return switch (kind) {
            case "SimpleRNN" -> new SimpleRnn(3, SEQ);
            case "LSTM" -> new Lstm(3, SEQ);
            case "GRU" -> new Gru(3, SEQ);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A float64 model {@code rnn -> Dense(1)} built for any time, with its optimizer at learning rate 0. */
    private record Setup(Sequential model, RecurrentLayer rnn, Dense dense, Optimizer optimizer) {
        static Setup of(String kind) {
            RecurrentLayer rnn = layer(kind);
            Dense dense = new Dense(1);
            Sequential model = new Sequential(rnn, dense);
            model.build(new BuildContext(DType.FLOAT64, new SplittableRandom(11)), -1, 2);
            Optimizer optimizer = Sgd.defaults().build(model.parameters());
            optimizer.setLearningRate(0); // the weights stay those the reference uses
            return new Setup(model, rnn, dense, optimizer);
        }

        WindowedStep.Result train(Tensor x, Tensor y, int k1, int k2) {
            FitOptions options = FitOptions.defaults().withTruncatedBptt(k1, k2);
            return new WindowedStep(model, MSE, optimizer, options, null, DType.FLOAT64, true)
                    .run(new Data(x, y), new SplittableRandom(0));
        }
    }

    static Tensor data(long seed, int... shape) {
        return Tensor.uniform(new SplittableRandom(seed), DType.FLOAT64, -1, 1, shape);
    }

    /**
     * The last window's gradient, as WindowedStep leaves it in the parameters, against central
     * differences of the reference window loss: the carried state is the final state of a plain
     * forward pass over the steps before the window (from zeros), a constant; with k2 &lt; L the
     * window's first L - k2 steps run without gradient and their outputs enter the loss as constants.
     */
    @ParameterizedTest
    @CsvSource({"SimpleRNN, 8, 3, 3", "LSTM, 8, 3, 3", "LSTM, 7, 3, 3", "SimpleRNN, 6, 3, 3", "GRU, 8, 3, 3",
            "LSTM, 8, 4, 2", "SimpleRNN, 10, 4, 1"})
    void theLastWindowsGradientIsThatOfItsLossWithTheCarriedStateConstant(String kind, int time, int k1, int k2) {
        Setup s = Setup.of(kind);
        Tensor x = data(1, 2, time, 2);  // [batch, T, features]
        Tensor y = data(2, 2, time, 1);  // [batch, T, 1]
        s.train(x, y, k1, k2);
        int start = (time - 1) / k1 * k1;       // the last window: [start, time)
        int head = Math.max(0, time - start - k2); // its steps without gradient

        State carried;
        Tensor headOut = null; // [batch, head, 1]
        try (var noGrad = GradMode.noGrad()) {
            carried = start == 0 ? null : s.rnn.call(Variable.constant(x.slice(1, 0, start).contiguous()), null, null,
                    Context.inference()).state();
            if (head > 0) {
                var r = s.rnn.call(Variable.constant(x.slice(1, start, start + head).contiguous()), null, carried,
                        Context.inference());
                headOut = s.dense.forward(Masked.of(r.output()), Context.inference()).value().value();
                carried = r.state();
            }
        }
        State in = carried;
        Tensor fixedHead = headOut;
        Tensor tailX = x.slice(1, start + head, time).contiguous();
        Tensor yWindow = y.slice(1, start, time).contiguous();
        Supplier<Variable> windowLoss = () -> {
            Variable out = s.dense.forward(Masked.of(s.rnn.call(Variable.constant(tailX), null, in, Context.inference())
                    .output()), Context.inference()).value();
            Variable all = fixedHead == null ? out : Variable.concat(1, Variable.constant(fixedHead), out);
            return MSE.apply(all, yWindow, Weighting.NONE);
        };

        double worst = 0;
        for (Parameter p : s.model.parameters()) {
            Tensor w = p.value();
            Tensor analytic = p.grad();
            for (int i = 0; i < w.size(); i++) {
                double saved = w.getFlat(i);
                w.setFlat(i, saved + GradientCheck.EPS);
                double plus = value(windowLoss);
                w.setFlat(i, saved - GradientCheck.EPS);
                double minus = value(windowLoss);
                w.setFlat(i, saved);
                double numeric = (plus - minus) / (2 * GradientCheck.EPS);
                double a = analytic.getFlat(i);
                double denom = Math.max(Math.abs(a) + Math.abs(numeric), GradientCheck.ABS_FLOOR);
                double rel = Math.abs(a - numeric) < GradientCheck.ABS_FLOOR ? 0 : Math.abs(a - numeric) / denom;
                worst = Math.max(worst, rel);
                assertTrue(rel <= GradientCheck.MAX_REL_ERROR, kind + " " + p.name() + "[" + i + "]: analytic " + a
                        + ", numeric " + numeric);
            }
        }
        assertTrue(worst <= GradientCheck.MAX_REL_ERROR);
    }

    private static double value(Supplier<Variable> loss) {
        try (var noGrad = GradMode.noGrad()) {
            return loss.get().value().item();
        }
    }

    /**
     * With k1 &lt; T, the windows' outputs joined along time are the outputs of one forward pass
     * over the whole sequence: the carried state is exactly the full sequence's state at each
     * window boundary (including the last, partial window, and with k2 &lt; k1).
     */
    @ParameterizedTest
    @CsvSource({"SimpleRNN, 10, 4, 4", "LSTM, 10, 4, 4", "GRU, 10, 4, 4", "LSTM, 10, 4, 2", "SimpleRNN, 10, 1, 1",
            "LSTM, 3, 5, 5"})
    void windowedForwardValuesEqualTheWholeSequencesForward(String kind, int time, int k1, int k2) {
        Setup s = Setup.of(kind);
        Tensor x = data(3, 3, time, 2);
        Tensor expected = s.model.forward(Masked.of(x), Context.inference()).value().value(); // [3, T, 1]
        WindowedStep.Result r = s.train(x, data(4, 3, time, 1), k1, k2);
        assertEquals(0.0, expected.maxAbsDiff(r.predictions()), 1e-13, kind + " k1=" + k1 + " k2=" + k2);
        assertNull(s.rnn.carriedState(), "the carried state is forgotten after the batch");
    }
}
