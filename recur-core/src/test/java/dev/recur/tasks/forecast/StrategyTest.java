package dev.recur.tasks.forecast;

import dev.recur.data.series.SlidingWindows;
import dev.recur.data.series.WindowBatch;
import dev.recur.data.series.WindowSpec;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.Trainer;
import org.junit.jupiter.api.Test;

import static dev.recur.tasks.forecast.BaselinesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyTest {

    /** Windows of 6 steps of a counter, with the next 3 values after every step. */
    private static WindowBatch counter() {
        float[] v = new float[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return new SlidingWindows(Tensor.of(v, 20, 1), WindowSpec.everyStep(6, 3)).all();
    }

    @Test
    void targetsOfEachStrategy() {
        WindowBatch w = counter(); // inputs [12, 6, 1], targets [12, 6, 3]
        Tensor it = Strategy.ITERATIVE.targets(w.targets(), 3);
        Tensor vec = Strategy.VECTOR.targets(w.targets(), 3);
        Tensor seq = Strategy.SEQ2SEQ.targets(w.targets(), 2);
        assertArrayEquals(new int[] {12, 1}, it.shape());
        assertArrayEquals(new int[] {12, 3}, vec.shape());
        assertArrayEquals(new int[] {12, 6, 2}, seq.shape());
        assertEquals(6, it.get(0, 0));                        // the value after window 0..5
        assertArrayEquals(new double[] {7, 8, 9}, vec.select(0, 1).toDoubleArray()); // window 1..6
        assertArrayEquals(new double[] {1, 2}, seq.select(0, 0).select(0, 0).toDoubleArray());
        assertEquals(WindowSpec.Target.POINT, Strategy.ITERATIVE.windows(6, 3).target());
        assertEquals(1, Strategy.ITERATIVE.windows(6, 3).horizon());
        assertEquals(3, Strategy.VECTOR.windows(6, 3).horizon());
        assertMessage(() -> Strategy.VECTOR.targets(w.targets(), 4), "expected every-step targets [batch, window, >= 4]"
                + " but got [12, 6, 3]");
    }

    @Test
    void forecastsHaveOneRowPerWindowAndOneColumnPerStep() {
        WindowBatch w = counter();
        Trainer one = untrained("Input(6, 1) SimpleRNN(4) Dense(1)");
        Trainer vector = untrained("Input(6, 1) SimpleRNN(4) Dense(3)");
        Trainer seq = untrained("Input(6, 1) SimpleRNN(4, return_sequences=true) TimeDistributed(Dense(3))");
        assertArrayEquals(new int[] {12, 3}, Strategy.ITERATIVE.forecast(one, w.inputs(), 3).shape());
        assertArrayEquals(new int[] {12, 3}, Strategy.VECTOR.forecast(vector, w.inputs(), 3).shape());
        Tensor s = Strategy.SEQ2SEQ.forecast(seq, w.inputs(), 3);
        assertArrayEquals(new int[] {12, 3}, s.shape());
        assertArrayEquals(seq.predict(w.inputs(), 4).select(1, 5).toDoubleArray(), s.toDoubleArray(), 0,
                "the sequence forecast is the last step's");
        // the iterative strategy's second step is the model's forecast from the window shifted by its first
        Tensor it = Strategy.ITERATIVE.forecast(one, w.inputs().slice(0, 0, 1).contiguous(), 2);
        Tensor shifted = Tensor.concat(1, w.inputs().slice(0, 0, 1).slice(1, 1, 6), it.slice(1, 0, 1).reshape(1, 1, 1));
        assertEquals(one.predict(shifted.contiguous(), 1).get(0, 0), it.get(0, 1), 1e-6);
    }

    @Test
    void aModelOfTheWrongShapeIsNamed() {
        WindowBatch w = counter();
        assertMessage(() -> Strategy.VECTOR.forecast(untrained("Input(6, 1) SimpleRNN(4) Dense(2)"), w.inputs(), 3),
                "maps windows [12, 6, 1] to [12, 2] but this strategy needs [batch, 3]. Possible fix: end the model"
                        + " with Dense(3)");
        assertMessage(() -> Strategy.SEQ2SEQ.forecast(untrained("Input(6, 1) SimpleRNN(4) Dense(3)"), w.inputs(), 3),
                "needs [batch, steps, 3]. Possible fix: end the model with TimeDistributed(Dense(3))");
        assertMessage(() -> Strategy.ITERATIVE.forecast(untrained("Input(6, 2) SimpleRNN(4) Dense(1)"),
                Tensor.zeros(1, 6, 2), 3), "the iterative strategy feeds its forecasts back, so the series must be univariate");
    }

    @Test
    void aSmallRnnLearnsASineBetterThanTheNaiveForecast() {
        int n = 400;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.sin(i * 0.3);
        }
        WindowBatch w = new SlidingWindows(Tensor.of(v, n, 1), WindowSpec.nextSteps(12, 3)).all();
        Trainer t = Trainer.compile(LayerRegistry.parseModel("Input(12, 1) SimpleRNN(8) Dense(3)").model(),
                new MeanSquaredError(), Adam.defaults().withLearningRate(0.02));
        t.fit(w.inputs(), w.targets(), FitOptions.defaults().withEpochs(15).withBatchSize(32).withSeed(1));
        double model = ForecastErrors.of(Strategy.VECTOR.forecast(t, w.inputs(), 3), w.targets()).mae();
        double naive = ForecastErrors.of(Baselines.naive(w.inputs(), 3, 0), w.targets()).mae();
        assertTrue(model < naive / 2, "model MAE " + model + " vs naive " + naive);
    }

    private static Trainer untrained(String spec) {
        return Trainer.compile(LayerRegistry.parseModel(spec).build(new dev.recur.nn.BuildContext(
                dev.recur.tensor.DType.FLOAT32, new dev.recur.train.RandomStreams(3).init())),
                new MeanSquaredError(), Adam.defaults());
    }
}
