package dev.recur.cli;

import dev.recur.tasks.forecast.Baselines;
import dev.recur.tasks.forecast.Textbook;
import dev.recur.tasks.forecast.TextbookRun;
import dev.recur.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code recur demo}: the main job, a short version of {@code recur bench timeseries} (the
 * forecasting table of Géron, Hands-On ML 2nd ed., ch. 15): a few of its rows trained on
 * generated series, compared with the naive forecast, and drawn.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job: train forecasters on generated time series (about two minutes on 2 cores),"
                + " compare them with the naive forecast, and draw the result.")
final class DemoCommand implements Callable<Integer> {

    /** The rows of the textbook table the demo runs ({@code recur bench timeseries} runs them all). */
    static final List<Textbook.Row> MODELS = List.of(Textbook.row("naive"), Textbook.row("linear"),
            Textbook.row("deep_rnn"), Textbook.row("seq2seq_10"));

    @Option(names = "--epochs", description = "Training epochs per model (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    int epochs;

    @Option(names = "--series", description = "Number of generated series, split 70/20/10 (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int series;

    @Option(names = "--seed", description = "Seed of the data and of every model (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where the pictures go (default: ${DEFAULT-VALUE}).",
            defaultValue = "demo-out")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || series < 20) {
            throw new IllegalArgumentException("demo: --epochs must be at least 1 and --series at least 20 (got "
                    + epochs + " and " + series + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(outDir);
        TextbookRun run = new TextbookRun(series, TextbookRun.Settings.defaults(seed).withEpochs(epochs));
        out.printf(Locale.ROOT, "Forecasting generated series: %d training and %d validation series of 50 steps;"
                + " forecast step 51, or steps 51-60%n", series * 7 / 10, series * 2 / 10);
        out.printf(Locale.ROOT, "%-12s %-8s %-92s %9s %9s %7s%n", "model", "horizon", "layers", "val MSE", "published", "time");
        out.flush();
        List<TextbookRun.Result> results = new ArrayList<>();
        for (Textbook.Row m : MODELS) {
            TextbookRun.Result r = run.run(m);
            results.add(r);
            String layers = m.baseline() ? "(the last value)" : m.layers().replace("Input(50, 1) ", "");
            out.printf(Locale.ROOT, "%-12s %-8d %-92s %9.5f %9s %6.1fs%n", m.name(), m.horizon(), layers, r.mse(),
                    m.published() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.published()), r.seconds());
            out.flush();
            if (r.history() != null) {
                Plots.trainingCurves(outDir.resolve(m.name()), Map.of("loss", r.history().get("loss"),
                        "val_loss", r.history().get("val_loss")));
            }
        }
        Path one = outDir.resolve("forecast.png");
        Path ten = outDir.resolve("forecast_10.png");
        picture(one, run.data(1), results, 1);
        picture(ten, run.data(Textbook.AHEAD), results, Textbook.AHEAD);
        out.println("Pictures: " + one + ", " + ten + " and the training curves in " + outDir + "/<model>/loss.png");
        return 0;
    }

    /** Three validation series, and the forecasts of every model of this horizon (and the naive one). */
    private static void picture(Path file, Textbook.Data data, List<TextbookRun.Result> results, int horizon) {
        int shown = 3;
        Tensor inputs = data.validation().inputs().slice(0, 0, shown).contiguous(); // [3, 50, 1]
        Tensor future = data.validation().future(horizon).slice(0, 0, shown);      // [3, horizon]
        List<Plots.Line> lines = new ArrayList<>();
        for (int s = 0; s < shown; s++) {
            double[] y = Tensor.concat(0, inputs.select(0, s).reshape(Textbook.STEPS), future.select(0, s))
                    .toDoubleArray();
            lines.add(new Plots.Line("series " + (s + 1), ForecastPlot.range(0, y.length), y, Plots.Style.LINE));
        }
        lines.add(forecastLine("naive", Baselines.naive(inputs, horizon, 0), horizon));
        for (TextbookRun.Result r : results) {
            if (r.row().horizon() != horizon || r.row().baseline()) {
                continue;
            }
            lines.add(forecastLine(r.row().name(), r.forecast(inputs), horizon));
        }
        String what = horizon == 1 ? "step 51" : "steps 51-" + (Textbook.STEPS + horizon);
        Plots.write(file, "Forecasting " + what + " of generated series", "time step", "value", lines);
    }

    /** Forecasts [shown, horizon] as one line through every series' forecast steps (points for one step). */
    private static Plots.Line forecastLine(String name, Tensor forecasts, int horizon) {
        int shown = forecasts.dim(0);
        double[] x = new double[shown * horizon];
        for (int i = 0; i < x.length; i++) {
            x[i] = Textbook.STEPS + i % horizon;
        }
        return new Plots.Line(name + " forecast", x, forecasts.contiguous().reshape(-1).toDoubleArray(), Plots.Style.POINTS);
    }
}
