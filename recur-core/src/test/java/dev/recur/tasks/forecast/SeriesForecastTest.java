package dev.recur.tasks.forecast;

import dev.recur.data.series.Scaler;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.ModelFile;
import dev.recur.train.RandomStreams;
import dev.recur.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.recur.tasks.forecast.BaselinesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesForecastTest {

    @TempDir
    Path dir;

    /** 0, 1, 2, ..., n-1 as [n, 1]. */
    private static Tensor ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.of(v, n, 1);
    }

    @Test
    void windowsSplitAtEightyPercent() {
        SeriesForecast d = SeriesForecast.prepare(ramp(50), 4, 2, 6, false, Scaler.Kind.STANDARD, "y");
        assertEquals(40, d.trainRows());
        // training windows end by row 39: starts 0..34
        assertArrayEquals(new int[] {35, 4, 1}, d.trainInputs().shape());
        assertArrayEquals(new int[] {35, 2}, d.trainTargets().shape());
        // test windows: forecasts starting at rows 40..48, contexts of max(4, 6) = 6 rows
        assertArrayEquals(new int[] {9, 6, 1}, d.testContexts().shape());
        assertArrayEquals(new double[] {40, 41}, d.testActual().select(0, 0).toDoubleArray());
        assertArrayEquals(new double[] {48, 49}, d.testActual().select(0, 8).toDoubleArray());
        // the scaler saw the training rows only: mean 19.5
        assertEquals(19.5, d.config().scaler().shift()[0], 1e-9);
        assertEquals((0 - 19.5) / d.config().scaler().scale()[0], d.trainInputs().get(0, 0, 0), 1e-6);
    }

    @Test
    void differencesAreWhatTheModelSeesAndLearns() {
        float[] squares = new float[30];
        for (int i = 0; i < 30; i++) {
            squares[i] = i * i;
        }
        SeriesForecast d = SeriesForecast.prepare(Tensor.of(squares, 30, 1), 3, 2, 1, true, Scaler.Kind.MIN_MAX, "y");
        Scaler s = d.config().scaler();
        // window 0 reads rows 0..3, differences 1 3 5; targets rows 4, 5: differences 7, 9
        Tensor unscaled = s.inverseTransform(d.trainInputs().select(0, 0));
        assertArrayEquals(new double[] {1, 3, 5}, unscaled.toDoubleArray(), 1e-4);
        assertArrayEquals(new double[] {7, 9}, s.inverseTransform(d.trainTargets().select(0, 0)).toDoubleArray(), 1e-4);
        assertEquals(4, d.config().context());
    }

    @Test
    void aPerfectModelOfDifferencesForecastsTheRampExactly() {
        // a constant difference of 1 is 0 after a min-max scaler of constant training data (shift 1, scale 1)
        SeriesForecast d = SeriesForecast.prepare(ramp(40), 5, 3, 1, true, Scaler.Kind.MIN_MAX, "y");
        Sequential zero = LayerRegistry.parseModel("Input(5, 1) Flatten Dense(3, use_bias=false)").build(
                new BuildContext(DType.FLOAT32, new RandomStreams(1).init()));
        zero.weights().forEach(p -> p.value().fill(0));
        SeriesForecast.Evaluation e = d.evaluate(zero);
        assertEquals(0, e.model().mae(), 1e-5);
        assertEquals(2, e.naive().mae(), 1e-9); // 1, 2 and 3 steps behind
        assertEquals(e.naive().mae(), e.seasonalNaive().mae(), 1e-12, "season 1 is the naive forecast");
        assertArrayEquals(new double[] {32, 33, 34}, e.forecasts().select(0, 0).toDoubleArray(), 1e-4);
    }

    @Test
    void tooFewRowsSaysWhatIsNeeded() {
        assertMessage(() -> SeriesForecast.prepare(ramp(20), 12, 5, 1, false, Scaler.Kind.STANDARD, "y"),
                "too few rows: the series has 20 rows, so the first 80% (16 rows) train and the last 20% (4 rows) test;"
                        + " training needs at least one window of 12 input rows followed by 5 target rows, and testing"
                        + " at least 5 rows. Possible fix: at least 25 rows, or a shorter --window or --horizon");
        assertMessage(() -> SeriesForecast.prepare(ramp(20), 12, 4, 1, true, Scaler.Kind.STANDARD, "y"),
                "one window of 13 input rows (12 differences) followed by 4 target rows");
        assertMessage(() -> SeriesForecast.prepare(ramp(30), 4, 1, 30, false, Scaler.Kind.STANDARD, "y"),
                "and 30 rows for the seasonal baseline");
        assertMessage(() -> SeriesForecast.prepare(ramp(30), 0, 1, 1, false, Scaler.Kind.STANDARD, "y"),
                "window, horizon and season must be at least 1; got window=0");
        assertMessage(() -> SeriesForecast.prepare(Tensor.zeros(30, 2), 4, 1, 1, false, Scaler.Kind.STANDARD, "y"),
                "expected one column shaped [time, 1] but got [30, 2]");
    }

    @Test
    void aSavedForecasterForecastsAsBeforeAndKeepsItsConfig() {
        SeriesForecast d = SeriesForecast.prepare(ramp(60), 6, 2, 3, true, Scaler.Kind.STANDARD, "Passengers");
        Trainer t = Trainer.compile(LayerRegistry.parseModel("Input(6, 1) GRU(4) Dense(2)").model(), new MeanSquaredError(),
                Adam.defaults());
        t.fit(d.trainInputs(), d.trainTargets(), FitOptions.defaults().withEpochs(1).withBatchSize(16).withSeed(2));
        Forecaster f = new Forecaster(t.model(), d.config());
        double[] history = ramp(60).reshape(60).toDoubleArray();
        double[] next = f.forecast(history);
        assertEquals(2, next.length);
        Path file = dir.resolve("f.safetensors");
        f.save(file, new ModelFile.Provenance(2L, "ramp"));
        Forecaster back = Forecaster.load(file);
        assertEquals(d.config().toJson(), back.config().toJson());
        assertArrayEquals(next, back.forecast(history), 0);
        assertMessage(() -> f.forecast(new double[6]), "reads the last 7 values of the series, but it has only 6");
        assertMessage(() -> f.forecast(Tensor.zeros(1, 6, 1)), "expected the last 7 values of each series, shaped"
                + " [batch, 7, 1], but got [1, 6, 1]");
        ModelFile.save(t.model(), dir.resolve("plain.safetensors"), ModelFile.Provenance.unknown(), Map.of());
        assertMessage(() -> Forecaster.load(dir.resolve("plain.safetensors")), "has no attachment 'forecast'");
    }

    @Test
    void configJsonIsCheckedKeyByKey() {
        ForecastConfig c = new ForecastConfig("y", 4, 2, 7, false, Scaler.standard(ramp(10)));
        ForecastConfig back = ForecastConfig.fromJson(c.toJson());
        assertEquals(c.window(), back.window());
        assertEquals(c.season(), back.season());
        assertArrayEquals(c.scaler().shift(), back.scaler().shift());
        assertMessage(() -> ForecastConfig.fromJson("{"), "forecast config: not valid JSON");
        assertMessage(() -> ForecastConfig.fromJson(""), "forecast config: empty; expected a JSON object");
        assertMessage(() -> ForecastConfig.fromJson(c.toJson().replace("\"scaler\":{", "\"scaler\":3,\"x\":{")),
                "\"scaler\" must be a JSON object (a fitted scaler), got 3");
        assertMessage(() -> new ForecastConfig("y", 0, 2, 7, false, Scaler.standard(ramp(10))),
                "ForecastConfig: needs a column name, window, horizon and season of at least 1");
        assertTrue(c.toJson().contains("\"format\":\"recur.forecast\""), c.toJson());
    }
}
