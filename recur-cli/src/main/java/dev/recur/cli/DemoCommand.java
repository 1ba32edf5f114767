package dev.recur.cli;

import dev.recur.data.series.SyntheticSeries;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.Trainer;
import dev.recur.train.callbacks.EarlyStopping;
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
import java.util.concurrent.Callable;

/**
 * {@code recur demo}: the main job, a short version of the textbook forecasting experiment
 * (Géron, Hands-On ML 2nd ed., ch. 15). Generated series of 50 steps; models predict step 51;
 * each is compared with the naive forecast (the last value) on held-out series, and the run
 * writes a picture of a few forecasts and the training curves.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job: train forecasters on generated time series (about two minutes on 2 cores),"
                + " compare them with the naive forecast, and draw the result.")
final class DemoCommand implements Callable<Integer> {

    /** A model of the demo: its name, its layers, and the validation MSE the textbook reports for it. */
    record DemoModel(String name, String layers, String published) {
    }

    /** The textbook's linear model and deep recurrent networks (the textbook reports the SimpleRNN one). */
    static final List<DemoModel> MODELS = List.of(
            new DemoModel("linear", "Input(50, 1) Flatten Dense(1)", "0.004"),
            new DemoModel("deep_rnn", "Input(50, 1) SimpleRNN(20, return_sequences=true) SimpleRNN(20) Dense(1)", "0.003"),
            new DemoModel("deep_lstm", "Input(50, 1) LSTM(20, return_sequences=true) LSTM(20) Dense(1)", "-"),
            new DemoModel("deep_gru", "Input(50, 1) GRU(20, return_sequences=true) GRU(20) Dense(1)", "-"));

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
        Tensor all = SyntheticSeries.generate(series, 51, seed); // [series, 51, 1]
        int nTrain = series * 7 / 10;
        int nValid = series * 2 / 10;
        Tensor xTrain = all.slice(0, 0, nTrain).slice(1, 0, 50).contiguous();          // [7000, 50, 1]
        Tensor yTrain = all.slice(0, 0, nTrain).select(1, 50).contiguous();             // [7000, 1]
        Tensor xValid = all.slice(0, nTrain, nTrain + nValid).slice(1, 0, 50).contiguous();
        Tensor yValid = all.slice(0, nTrain, nTrain + nValid).select(1, 50).contiguous();

        out.printf(Locale.ROOT, "Forecasting the next value of generated series (%d train, %d validation, 50 steps each)%n",
                nTrain, nValid);
        double naive = mse(xValid.select(1, 49), yValid);
        out.printf(Locale.ROOT, "%-10s %-72s %12s %10s %8s%n", "model", "layers", "val MSE", "published", "time");
        out.printf(Locale.ROOT, "%-10s %-72s %12.5f %10s %8s%n", "naive", "(the last value)", naive, "0.020", "-");
        out.flush();

        List<Plots.Line> forecasts = new ArrayList<>();
        int shown = 3;
        for (DemoModel m : MODELS) {
            Sequential model = LayerRegistry.parseModel(m.layers()).model();
            Trainer trainer = Trainer.compile(model, new MeanSquaredError(), Adam.defaults().withLearningRate(0.005));
            long start = System.nanoTime();
            // Keras's EarlyStopping(patience=5, restore_best_weights=True): the model keeps its best epoch
            var best = new EarlyStopping(EarlyStopping.Config.defaults().withPatience(5).withRestoreBestWeights(true));
            History h = trainer.fit(xTrain, yTrain, FitOptions.defaults().withEpochs(epochs).withBatchSize(32)
                    .withSeed(seed).withValidationData(xValid, yValid).withCallbacks(best));
            double seconds = (System.nanoTime() - start) / 1e9;
            double val = trainer.evaluate(xValid, yValid, 500).get("loss");
            out.printf(Locale.ROOT, "%-10s %-72s %12.5f %10s %7.1fs%n", m.name(), m.layers(), val, m.published(), seconds);
            out.flush();
            Plots.trainingCurves(outDir.resolve(m.name()), java.util.Map.of("loss", h.get("loss"), "val_loss", h.get("val_loss")));
            Tensor pred = trainer.predict(xValid.slice(0, 0, shown), shown); // [shown, 1]
            forecasts.add(new Plots.Line(m.name() + " forecast", nextSteps(shown), column(pred), Plots.Style.POINTS));
        }
        Path picture = outDir.resolve("forecast.png");
        List<Plots.Line> lines = new ArrayList<>();
        for (int s = 0; s < shown; s++) {
            lines.add(new Plots.Line("series " + (s + 1), range(51), all.select(0, nTrain + s).reshape(51).toDoubleArray(), Plots.Style.LINE));
        }
        lines.add(new Plots.Line("naive forecast", nextSteps(shown), column(xValid.slice(0, 0, shown).select(1, 49)), Plots.Style.POINTS));
        lines.addAll(forecasts);
        Plots.write(picture, "Forecasting step 51 of generated series", "time step", "value", lines);
        out.println("Pictures: " + picture + " and the training curves in " + outDir + "/<model>/loss.png");
        return 0;
    }

    private static double mse(Tensor predictions, Tensor targets) {
        return predictions.sub(targets).square().mean().item();
    }

    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] nextSteps(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 50);
        return x;
    }

    private static double[] column(Tensor t) {
        return t.contiguous().reshape(-1).toDoubleArray();
    }
}
