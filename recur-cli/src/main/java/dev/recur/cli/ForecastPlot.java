package dev.recur.cli;

import dev.recur.tasks.forecast.SeriesForecast;
import dev.recur.tensor.Tensor;

import java.nio.file.Path;
import java.util.List;

/** The pictures of {@code recur forecast}: a test period's forecasts, or the next values of a series. */
final class ForecastPlot {

    private ForecastPlot() {
    }

    /**
     * The series, and over the test rows the model's and the seasonal-naive forecasts of the
     * windows starting every {@code horizon} steps, so that each test row is drawn once.
     */
    static void test(Path file, Tensor values, SeriesForecast data, SeriesForecast.Evaluation e, String column) {
        double[] y = values.contiguous().reshape(-1).toDoubleArray();
        int h = data.config().horizon();
        int m = e.forecasts().dim(0);
        int drawn = (m + h - 1) / h * h;
        double[] x = new double[Math.min(drawn, y.length - data.trainRows())];
        double[] model = new double[x.length];
        double[] seasonal = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int w = Math.min(i / h * h, m - 1);
            x[i] = data.trainRows() + i;
            model[i] = e.forecasts().get(w, i - w); // i - w < h: the last window reaches the last row
            seasonal[i] = e.seasonalNaiveForecasts().get(w, i - w);
        }
        Plots.write(file, column + ": test forecasts (" + h + " steps at a time)", "row", column, List.of(
                new Plots.Line(column, range(0, y.length), y, Plots.Style.LINE),
                new Plots.Line("forecast", x, model, Plots.Style.LINE_AND_POINTS),
                new Plots.Line("seasonal naive", x, seasonal, Plots.Style.LINE)));
    }

    /** The series and its forecast next values. */
    static void next(Path file, double[] history, double[] next, String column) {
        Plots.write(file, column + ": the next " + next.length + " values", "row", column, List.of(
                new Plots.Line(column, range(0, history.length), history, Plots.Style.LINE),
                new Plots.Line("forecast", range(history.length, next.length), next, Plots.Style.LINE_AND_POINTS)));
    }

    /** from, from + 1, ..., from + n - 1. */
    static double[] range(int from, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i;
        }
        return x;
    }
}
