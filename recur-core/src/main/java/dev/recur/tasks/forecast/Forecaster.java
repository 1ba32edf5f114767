package dev.recur.tasks.forecast;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Model;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.ModelFile;
import dev.recur.train.Trainer;

import java.nio.file.Path;
import java.util.Map;

/**
 * A trained model with its {@link ForecastConfig}: it forecasts the next {@code horizon} values
 * of a series from its last {@link ForecastConfig#context()} values, in the data's units. The
 * model reads {@code [batch, window, 1]} (scaled values, or scaled differences) and writes
 * {@code [batch, horizon]} (the {@link Strategy#VECTOR} strategy).
 * <pre>{@code
 * Forecaster f = Forecaster.load(Path.of("airline.safetensors"));
 * double[] next = f.forecast(passengers);   // the 12 months after the last one
 * }</pre>
 */
public final class Forecaster {

    private final Trainer trainer; // only its forward pass is used
    private final ForecastConfig config;

    public Forecaster(Model model, ForecastConfig config) {
        this.trainer = Trainer.compile(model, new MeanSquaredError(), Adam.defaults());
        this.config = config;
    }

    public ForecastConfig config() {
        return config;
    }

    public Model model() {
        return trainer.model();
    }

    /** The next {@code horizon} values after {@code history}, which needs at least {@link ForecastConfig#context()} values. */
    public double[] forecast(double[] history) {
        if (history.length < config.context()) {
            throw new IllegalArgumentException("Forecaster.forecast: the model reads the last " + config.context()
                    + " values of the series, but it has only " + history.length + "; give a longer history");
        }
        float[] last = new float[config.context()];
        for (int i = 0; i < last.length; i++) {
            last[i] = (float) history[history.length - last.length + i];
        }
        return forecast(Tensor.of(last, 1, last.length, 1)).reshape(config.horizon()).toDoubleArray();
    }

    /** Forecasts after each context window: {@code [batch, context, 1]} raw values to {@code [batch, horizon]} raw values. */
    public Tensor forecast(Tensor contexts) {
        int context = config.context();
        if (contexts.rank() != 3 || contexts.dim(1) != context || contexts.dim(2) != 1) {
            throw new IllegalArgumentException("Forecaster.forecast: expected the last " + context + " values of each"
                    + " series, shaped [batch, " + context + ", 1], but got " + contexts.shapeString());
        }
        Tensor scaled = config.scaler().transform(modelValues(contexts, config.difference())); // [batch, window, 1]
        Tensor out = config.scaler().inverseTransform(Strategy.VECTOR.forecast(trainer, scaled, config.horizon()));
        return config.difference() ? integrate(out, contexts) : out;
    }

    /** What the model reads, before scaling: the values, or their lag-1 differences. */
    static Tensor modelValues(Tensor raw, boolean difference) { // [batch, steps, 1] -> [batch, steps (- 1), 1]
        if (!difference) {
            return raw;
        }
        int steps = raw.dim(1);
        return raw.slice(1, 1, steps).sub(raw.slice(1, 0, steps - 1)).contiguous();
    }

    /** What the model learns to write, before scaling: the future values, or their differences from the step before. */
    static Tensor modelTargets(Tensor contexts, Tensor futures, boolean difference) { // [b, c, 1], [b, h] -> [b, h]
        if (!difference) {
            return futures;
        }
        int h = futures.dim(1);
        Tensor previous = Tensor.concat(1, contexts.select(1, contexts.dim(1) - 1), futures.slice(1, 0, h - 1));
        return futures.sub(previous).contiguous();
    }

    /** Forecast differences [batch, horizon] summed onto each context's last value. */
    private static Tensor integrate(Tensor diffs, Tensor contexts) {
        int batch = diffs.dim(0);
        int horizon = diffs.dim(1);
        Tensor out = Tensor.zeros(diffs.dtype(), batch, horizon);
        for (int b = 0; b < batch; b++) {
            double level = contexts.get(b, contexts.dim(1) - 1, 0);
            for (int k = 0; k < horizon; k++) {
                level += diffs.get(b, k);
                out.set(level, b, k);
            }
        }
        return out;
    }

    /** Saves the model with its configuration as the {@value ForecastConfig#ATTACHMENT} attachment, atomically. */
    public void save(Path path, ModelFile.Provenance provenance) {
        ModelFile.save(trainer.model(), path, provenance, Map.of(ForecastConfig.ATTACHMENT, config.toJson()));
    }

    /** A forecaster saved by {@link #save} (or by {@code recur forecast --out}). */
    public static Forecaster load(Path path) {
        ModelFile.Loaded loaded = ModelFile.load(path);
        return new Forecaster(loaded.model(), ForecastConfig.fromJson(loaded.attachment(ForecastConfig.ATTACHMENT)));
    }
}
