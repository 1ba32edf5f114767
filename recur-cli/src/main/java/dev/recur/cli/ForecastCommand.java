package dev.recur.cli;

import com.google.gson.Gson;
import dev.recur.data.series.CsvOptions;
import dev.recur.data.series.CsvOptions.Imputation;
import dev.recur.data.series.CsvSeries;
import dev.recur.data.series.Scaler;
import dev.recur.data.series.TimeSeries;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tasks.forecast.ForecastConfig;
import dev.recur.tasks.forecast.ForecastErrors;
import dev.recur.tasks.forecast.Forecaster;
import dev.recur.tasks.forecast.SeriesForecast;
import dev.recur.tensor.Tensor;
import dev.recur.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code recur forecast}: train a forecaster on one column of a CSV file and test it on the last
 * 20% of the rows against the naive and seasonal-naive forecasts, or forecast the next values
 * with a saved one.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a forecaster on one column of a CSV file (the first 80%% of the rows, in order), report its"
                + " test MAE and RMSE on the last 20%% next to the naive and seasonal-naive forecasts, draw them, and"
                + " save the model with its window, horizon and scaler.",
                "With --model: forecast the next values of the series with a saved forecaster."},
        footer = {"", "Examples:",
                "  recur forecast --csv airline-passengers.csv --column Passengers --date-column Month \\",
                "      --window 24 --horizon 12 --season 12 --difference --epochs 200 --patience 20 \\",
                "      --validation-split 0.2 --plot airline.png --out airline.safetensors",
                "  recur forecast --model airline.safetensors --csv airline-passengers.csv"})
final class ForecastCommand implements Callable<Integer> {

    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "A CSV file with a header row.")
    Path csv;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Forecast with this saved forecaster instead of training one: prints the next values.")
    Path model;

    @Option(names = "--column", paramLabel = "NAME", description = "The column to forecast (training; required).")
    String column;

    @Option(names = "--date-column", paramLabel = "NAME", description = "A column of dates or times, read as text.")
    String dateColumn;

    @Option(names = "--window", paramLabel = "W", description = "Steps the model reads (training; required).")
    Integer window;

    @Option(names = "--horizon", paramLabel = "H", description = "Steps it forecasts (training; required).")
    Integer horizon;

    @Option(names = "--season", paramLabel = "S",
            description = "Period of the seasonal-naive baseline, e.g. 12 for monthly data (default: 1, the naive one).")
    Integer season;

    @Option(names = "--layers", paramLabel = "SPEC",
            description = "The model; must output H values (default: \"" + ForecastCommand.DEFAULT_LAYERS + "\").")
    String layers;

    @Option(names = "--difference", description = "Train on the differences x[t] - x[t-1] (helps with a trend).")
    boolean difference;

    @Option(names = "--scaler", paramLabel = "KIND", description = "standard or minmax, fitted on the training rows"
            + " (default: standard).")
    String scaler;

    @Option(names = "--impute", paramLabel = "HOW", converter = DataOptions.ImputeConverter.class,
            description = "What to do with an empty or NA value: none (an error), previous, linear or drop_row (default: none).")
    Imputation impute = Imputation.NONE;

    @Option(names = "--json", description = "Print the results as one JSON line (training progress goes to stderr).")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the series, the forecasts and the seasonal-naive"
            + " ones (.png or .svg).")
    Path plot;

    @Mixin
    TrainingOptions training = new TrainingOptions(100, 32);

    @Spec
    CommandSpec spec;

    /** The default model; {@code H} stands for the horizon. */
    static final String DEFAULT_LAYERS = "GRU(32) Dense(H)";

    @Override
    public Integer call() throws IOException {
        return model != null ? forecastNext() : train();
    }

    private int train() throws IOException {
        requireForTraining(column, "--column NAME");
        requireForTraining(window, "--window W");
        requireForTraining(horizon, "--horizon H");
        int s = season == null ? 1 : season;
        if (window < 1 || horizon < 1 || s < 1) {
            throw new IllegalArgumentException("--window, --horizon and --season must be at least 1, got " + window
                    + ", " + horizon + " and " + s);
        }
        Scaler.Kind kind = scalerKind();
        String spec = (layers == null ? DEFAULT_LAYERS : layers).replaceAll("\\bH\\b", Integer.toString(horizon));
        LayerRegistry.ModelSpec parsed = TrainCommand.parse(spec.strip().startsWith("Input")
                ? spec : "Input(" + window + ", 1) " + spec);
        PrintWriter out = this.spec.commandLine().getOut();
        PrintWriter progress = json ? this.spec.commandLine().getErr() : out;
        TrainingRun run = training.prepare(progress);
        TimeSeries series = read(column);
        SeriesForecast data = SeriesForecast.prepare(series.column(column), window, horizon, s, difference, kind, column);
        String source = csv + " (" + column + ", first " + data.trainRows() + " rows)";
        run.checkSamples(data.trainInputs().dim(0), source);
        Sequential built = run.model(parsed, new int[] {window, 1}, source);
        Trainer trainer = Trainer.compile(built, new MeanSquaredError(), run.optimizer());
        checkOutput(trainer, data, spec);
        run.attach(ForecastConfig.ATTACHMENT, data.config().toJson());
        run.train(trainer, data.trainInputs(), data.trainTargets(), source);
        SeriesForecast.Evaluation e = data.evaluate(trainer.model());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test_mae", e.model().mae());
            m.put("test_rmse", e.model().rmse());
            m.put("naive_mae", e.naive().mae());
            m.put("naive_rmse", e.naive().rmse());
            m.put("seasonal_naive_mae", e.seasonalNaive().mae());
            m.put("seasonal_naive_rmse", e.seasonalNaive().rmse());
            out.println(new Gson().toJson(m));
        } else {
            int testRows = series.length() - data.trainRows();
            out.printf(Locale.ROOT, "Test: the last %d rows, %d forecasts of %d steps%n", testRows,
                    data.testActual().dim(0), horizon);
            out.printf(Locale.ROOT, "%-24s %12s %12s%n", "forecast", "test MAE", "test RMSE");
            row(out, "model", e.model());
            row(out, "naive", e.naive());
            row(out, "seasonal naive (S=" + s + ")", e.seasonalNaive());
        }
        if (plot != null) {
            ForecastPlot.test(plot, series.column(column), data, e, column);
            (json ? progress : out).println("Picture: " + plot);
        }
        out.flush();
        return 0;
    }

    private int forecastNext() throws IOException {
        for (Object given : new Object[] {column, window, horizon, season, layers, scaler}) {
            if (given != null || difference) {
                throw new IllegalArgumentException("--model forecasts with a saved forecaster, whose column, window,"
                        + " horizon, season, layers and scaling are fixed; leave out --column, --window, --horizon,"
                        + " --season, --layers, --scaler and --difference");
            }
        }
        Forecaster f = Forecaster.load(model);
        String name = f.config().column();
        TimeSeries series = read(name);
        double[] history = series.column(name).contiguous().reshape(-1).toDoubleArray();
        double[] next = f.forecast(history);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new Gson().toJson(Map.of("forecast", next)));
        } else {
            out.println("step," + name);
            for (int k = 0; k < next.length; k++) {
                out.println((k + 1) + "," + (float) next[k]);
            }
        }
        if (plot != null) {
            ForecastPlot.next(plot, history, next, name);
            (json ? spec.commandLine().getErr() : out).println("Picture: " + plot);
        }
        out.flush();
        return 0;
    }

    private TimeSeries read(String name) throws IOException {
        CsvOptions options = CsvOptions.columns(name).withImputation(impute);
        return CsvSeries.read(csv, dateColumn == null ? options : options.withDateColumn(dateColumn));
    }

    private Scaler.Kind scalerKind() {
        if (scaler == null || scaler.equalsIgnoreCase("standard")) {
            return Scaler.Kind.STANDARD;
        }
        if (scaler.equalsIgnoreCase("minmax")) {
            return Scaler.Kind.MIN_MAX;
        }
        throw new IllegalArgumentException("--scaler must be standard or minmax, got '" + scaler + "'");
    }

    private static void requireForTraining(Object value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("training a forecaster needs " + option + " (or give --model FILE to"
                    + " forecast with a saved one)");
        }
    }

    /** The model must map [batch, W, 1] to [batch, H]: checked on one window before training. */
    private static void checkOutput(Trainer trainer, SeriesForecast data, String spec) {
        Tensor one = trainer.predict(data.trainInputs().slice(0, 0, 1).contiguous(), 1);
        int h = data.config().horizon();
        if (one.rank() != 2 || one.dim(1) != h) {
            throw new IllegalArgumentException("--layers \"" + spec + "\" maps a window to " + one.shapeString()
                    + " but a forecaster must output [batch, " + h + "] (the horizon). Possible fix: end with Dense("
                    + h + ") and no return_sequences=true on the last recurrent layer");
        }
    }

    private static void row(PrintWriter out, String name, ForecastErrors e) {
        out.printf(Locale.ROOT, "%-24s %12.4f %12.4f%n", name, e.mae(), e.rmse());
    }
}
