package dev.recur.tasks.forecast;

import dev.recur.data.series.Scaler;
import dev.recur.data.series.SlidingWindows;
import dev.recur.data.series.Split;
import dev.recur.data.series.WindowBatch;
import dev.recur.data.series.WindowSpec;
import dev.recur.nn.Model;
import dev.recur.tensor.Tensor;

/**
 * Forecasting one column of a real series: the first 80% of the rows (in order) train, the last
 * 20% test. The training windows lie wholly in the first part; a test window's forecast steps
 * start in the last part (its inputs may reach back into the first), one window per forecast
 * start, so every test value is forecast 1, 2, ..., {@code horizon} steps ahead. The scaler is
 * fitted on the training rows only (on their differences, when differencing).
 * <pre>{@code
 * SeriesForecast data = SeriesForecast.prepare(passengers, 24, 12, 12, true, Scaler.Kind.STANDARD, "Passengers");
 * trainer.fit(data.trainInputs(), data.trainTargets(), options);
 * SeriesForecast.Evaluation e = data.evaluate(trainer.model());   // test MAE and RMSE against the baselines
 * }</pre>
 */
public final class SeriesForecast {

    /** The fraction of the rows that trains; the rest tests. */
    public static final double TRAIN_FRACTION = 0.8;

    private final ForecastConfig config;
    private final int trainRows;
    private final Tensor trainInputs;  // [n, window, 1], scaled
    private final Tensor trainTargets; // [n, horizon], scaled
    private final Tensor testContexts; // [m, max(context, season), 1], raw
    private final Tensor testActual;   // [m, horizon], raw

    private SeriesForecast(ForecastConfig config, int trainRows, Tensor trainInputs, Tensor trainTargets,
                           Tensor testContexts, Tensor testActual) {
        this.config = config;
        this.trainRows = trainRows;
        this.trainInputs = trainInputs;
        this.trainTargets = trainTargets;
        this.testContexts = testContexts;
        this.testActual = testActual;
    }

    /**
     * Cuts a series into training and test windows.
     *
     * @param values     [time, 1], the column to forecast
     * @param window     steps the model reads
     * @param horizon    steps it forecasts
     * @param season     the seasonal-naive baseline's period (1: the naive forecast)
     * @param difference whether the model works on lag-1 differences
     * @param scaling    how the model's values are scaled
     * @param column     the column's name, saved with the model
     */
    public static SeriesForecast prepare(Tensor values, int window, int horizon, int season, boolean difference,
                                         Scaler.Kind scaling, String column) {
        if (values.rank() != 2 || values.dim(1) != 1) {
            throw new IllegalArgumentException("SeriesForecast: expected one column shaped [time, 1] but got "
                    + values.shapeString());
        }
        if (window < 1 || horizon < 1 || season < 1) {
            throw new IllegalArgumentException("SeriesForecast: window, horizon and season must be at least 1; got window="
                    + window + ", horizon=" + horizon + ", season=" + season);
        }
        int n = values.dim(0);
        int context = window + (difference ? 1 : 0);
        int span = Math.max(context, season);
        int trainRows = Split.byFraction(values, TRAIN_FRACTION, 0).train().dim(0);
        if (trainRows < context + horizon || n - trainRows < horizon || trainRows < span) {
            int needed = (int) Math.ceil(Math.max(Math.max(context + horizon, span) / TRAIN_FRACTION,
                    horizon / (1 - TRAIN_FRACTION)) - 1e-9); // 5 / 0.2 is 25.000000000000004
            throw new IllegalArgumentException("SeriesForecast: too few rows: the series has " + n + " rows, so the"
                    + " first 80% (" + trainRows + " rows) train and the last 20% (" + (n - trainRows) + " rows) test;"
                    + " training needs at least one window of " + context + " input rows" + (difference
                    ? " (" + window + " differences)" : "") + " followed by " + horizon + " target rows"
                    + (span > context ? " and " + span + " rows for the seasonal baseline" : "") + ", and testing at"
                    + " least " + horizon + " rows. Possible fix: at least " + needed + " rows, or a shorter --window"
                    + " or --horizon");
        }
        Tensor train = values.slice(0, 0, trainRows);
        WindowBatch tw = new SlidingWindows(train, WindowSpec.nextSteps(context, horizon)).all();
        Tensor modelTrain = Forecaster.modelValues(train.reshape(1, trainRows, 1), difference); // [1, rows (- 1), 1]
        Scaler scaler = scaling == Scaler.Kind.MIN_MAX ? Scaler.minMax(modelTrain) : Scaler.standard(modelTrain);
        ForecastConfig config = new ForecastConfig(column, window, horizon, season, difference, scaler);
        Tensor inputs = scaler.transform(Forecaster.modelValues(tw.inputs(), difference));
        Tensor targets = scaler.transform(Forecaster.modelTargets(tw.inputs(), tw.targets(), difference));
        // test windows: every window of the whole series whose first forecast step is a test row
        WindowBatch all = new SlidingWindows(values, WindowSpec.nextSteps(span, horizon)).all();
        int first = trainRows - span;
        Tensor contexts = all.inputs().slice(0, first, all.size()).contiguous();
        Tensor actual = all.targets().slice(0, first, all.size()).contiguous();
        return new SeriesForecast(config, trainRows, inputs, targets, contexts, actual);
    }

    /** The configuration a model trained on these windows is saved with. */
    public ForecastConfig config() {
        return config;
    }

    /** Rows of the training part; the test part is the rest. */
    public int trainRows() {
        return trainRows;
    }

    /** [n, window, 1], scaled. */
    public Tensor trainInputs() {
        return trainInputs;
    }

    /** [n, horizon], scaled. */
    public Tensor trainTargets() {
        return trainTargets;
    }

    /** Test windows: [m, max(context, season), 1], raw values before each forecast start. */
    public Tensor testContexts() {
        return testContexts;
    }

    /** What happened after each test window: [m, horizon], raw. */
    public Tensor testActual() {
        return testActual;
    }

    /**
     * A model's test errors and forecasts next to the baselines'.
     *
     * @param model          the model's errors in the data's units
     * @param naive          the naive forecast's
     * @param seasonalNaive  the seasonal-naive forecast's (period {@link ForecastConfig#season()})
     * @param forecasts      the model's forecasts, [m, horizon], raw
     * @param seasonalNaiveForecasts the seasonal-naive forecasts, [m, horizon]
     */
    public record Evaluation(ForecastErrors model, ForecastErrors naive, ForecastErrors seasonalNaive, Tensor forecasts,
                             Tensor seasonalNaiveForecasts) {
    }

    /** The test errors of {@code model} (trained on {@link #trainInputs()}) and of the baselines. */
    public Evaluation evaluate(Model model) {
        Forecaster f = new Forecaster(model, config);
        int span = testContexts.dim(1);
        Tensor forecasts = f.forecast(testContexts.slice(1, span - config.context(), span).contiguous());
        Tensor seasonal = Baselines.seasonalNaive(testContexts, config.season(), config.horizon(), 0);
        return new Evaluation(ForecastErrors.of(forecasts, testActual),
                ForecastErrors.of(Baselines.naive(testContexts, config.horizon(), 0), testActual),
                ForecastErrors.of(seasonal, testActual), forecasts, seasonal);
    }
}
