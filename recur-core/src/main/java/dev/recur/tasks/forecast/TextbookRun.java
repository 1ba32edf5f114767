package dev.recur.tasks.forecast;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.Trainer;
import dev.recur.train.Callback;
import dev.recur.train.callbacks.EarlyStopping;

import java.util.HashMap;
import java.util.Map;

/**
 * Trains and scores the rows of the {@link Textbook} table on one generated data set. Every
 * model is trained with Adam and MSE, validated on the validation series after each epoch, and
 * keeps its best epoch's weights (Keras's {@code EarlyStopping(patience, restore_best_weights=True)});
 * its score is the MSE of its forecasts of the {@code horizon} steps after the validation series
 * (for sequence models: the last step's forecasts, the book's {@code last_time_step_mse}).
 * A row that reuses another row's model reuses the one this run trained.
 */
public final class TextbookRun {

    /**
     * How the models are trained.
     *
     * @param epochs       at most this many epochs per model (the book: 20)
     * @param batchSize    series per optimizer step (Keras's default 32)
     * @param learningRate Adam's learning rate
     * @param patience     epochs without a better validation loss before stopping
     * @param seed         seed of every model's weights and shuffling
     */
    public record Settings(int epochs, int batchSize, double learningRate, int patience, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || patience < 0) {
                throw new IllegalArgumentException("TextbookRun.Settings: epochs and batchSize must be at least 1, the"
                        + " learning rate positive and patience at least 0; got epochs=" + epochs + ", batchSize="
                        + batchSize + ", learningRate=" + learningRate + ", patience=" + patience);
            }
        }

        /** The book's 20 epochs of batches of 32, with Adam at 0.005 and patience 5. */
        public static Settings defaults(long seed) {
            return new Settings(20, 32, 0.005, 5, seed);
        }

        public Settings withEpochs(int e) {
            return new Settings(e, batchSize, learningRate, patience, seed);
        }
    }

    /**
     * A scored row.
     *
     * @param row     the row
     * @param mse     validation MSE of its forecasts
     * @param seconds training time (0 for the baseline and for a reused model)
     * @param epochs  epochs trained (0 likewise)
     * @param history the training history, or null
     * @param trainer the trained model, or null for the baseline
     */
    public record Result(Textbook.Row row, double mse, double seconds, int epochs, History history, Trainer trainer) {

        /** This row's forecasts of the {@code row.horizon()} steps after each window [n, 50, 1]: [n, horizon]. */
        public Tensor forecast(Tensor windows) {
            return row.baseline() ? Baselines.naive(windows, row.horizon(), 0)
                    : row.strategy().forecast(trainer, windows, row.horizon());
        }
    }

    private final int series;
    private final Settings settings;
    private final Map<Integer, Textbook.Data> data = new HashMap<>(); // by horizon
    private final Map<String, Result> trained = new HashMap<>();

    /** A run on {@code series} generated series per horizon (the book: 10,000), seeded by the settings. */
    public TextbookRun(int series, Settings settings) {
        if (series < 10) {
            throw new IllegalArgumentException("TextbookRun: at least 10 series are needed for a 70/20/10 split, got "
                    + series);
        }
        this.series = series;
        this.settings = settings;
    }

    /** The series of 50 + {@code horizon} steps this run scores {@code horizon}-step rows on (generated once). */
    public Textbook.Data data(int horizon) {
        return data.computeIfAbsent(horizon, h -> Textbook.generate(series, h, settings.seed()));
    }

    /** Trains (unless it is the baseline or reuses a trained model) and scores one row. */
    public Result run(Textbook.Row row, Callback... callbacks) {
        Textbook.Data data = data(row.horizon());
        Textbook.Part valid = data.validation();
        Tensor actual = valid.future(row.horizon()); // [series, horizon]
        if (row.baseline()) {
            return new Result(row, ForecastErrors.of(Baselines.naive(valid.inputs(), row.horizon(), 0), actual).mse(),
                    0, 0, null, null);
        }
        if (row.reuses() != null) {
            Result base = trained.get(row.reuses());
            if (base == null) {
                throw new IllegalStateException("TextbookRun: row " + row.name() + " forecasts with the model of row "
                        + row.reuses() + ", which this run has not trained yet; run " + row.reuses() + " first");
            }
            Tensor f = row.strategy().forecast(base.trainer(), valid.inputs(), row.horizon());
            return new Result(row, ForecastErrors.of(f, actual).mse(), 0, 0, null, base.trainer());
        }
        Sequential model = LayerRegistry.parseModel(row.layers()).model();
        Trainer trainer = Trainer.compile(model, new MeanSquaredError(),
                Adam.defaults().withLearningRate(settings.learningRate()));
        EarlyStopping best = new EarlyStopping(EarlyStopping.Config.defaults().withPatience(settings.patience())
                .withRestoreBestWeights(true));
        FitOptions fit = FitOptions.defaults().withEpochs(settings.epochs()).withBatchSize(settings.batchSize())
                .withSeed(settings.seed()).withValidationData(valid.inputs(), valid.targetsFor(row))
                .withData("Textbook synthetic series (" + data.train().size() + " training series)")
                .withCallbacks(callbacks).withCallback(best);
        long start = System.nanoTime();
        History h = trainer.fit(data.train().inputs(), data.train().targetsFor(row), fit);
        double seconds = (System.nanoTime() - start) / 1e9;
        Tensor f = row.strategy().forecast(trainer, valid.inputs(), row.horizon());
        Result r = new Result(row, ForecastErrors.of(f, actual).mse(), seconds, h.size(), h, trainer);
        trained.put(row.name(), r);
        return r;
    }
}
