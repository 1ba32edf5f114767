package dev.recur.train.callbacks;

import dev.recur.io.AtomicFile;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.Callback;
import dev.recur.train.ModelFile;
import dev.recur.train.TrainingContext;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Saves the model ({@link ModelFile}) after epochs: after every epoch, or only when a monitored
 * value improves on the best so far (Keras's {@code ModelCheckpoint} with {@code save_best_only}).
 * The path may hold {@code {epoch}}, replaced by the 1-based epoch number as Keras does
 * ({@code "model-{epoch}.safetensors"}). Files are written atomically, and the path is checked
 * to be writable before training starts.
 */
public final class ModelCheckpoint implements Callback {

    /** Which epochs are saved. */
    public enum Save { EVERY_EPOCH, BEST_ONLY }

    private final String path;
    private final Save save;
    private final Monitor monitor;
    private Monitor.Mode mode;
    private double best;

    /**
     * @param path    the file to write; may contain {@code {epoch}}
     * @param save    every epoch, or only improvements of {@code monitor}
     * @param monitor the watched value (used with {@link Save#BEST_ONLY})
     */
    public ModelCheckpoint(Path path, Save save, Monitor monitor) {
        this.path = Objects.requireNonNull(path, "ModelCheckpoint: path").toString();
        this.save = Objects.requireNonNull(save, "ModelCheckpoint: save (EVERY_EPOCH or BEST_ONLY)");
        this.monitor = Objects.requireNonNull(monitor, "ModelCheckpoint: monitor");
    }

    /** Saves after every epoch. */
    public static ModelCheckpoint everyEpoch(Path path) {
        return new ModelCheckpoint(path, Save.EVERY_EPOCH, new Monitor("val_loss", Monitor.Mode.AUTO));
    }

    /** Saves when {@code key} improves ({@code val_loss}, {@code val_accuracy}, ...; AUTO mode). */
    public static ModelCheckpoint bestOnly(Path path, String key) {
        return new ModelCheckpoint(path, Save.BEST_ONLY, new Monitor(key, Monitor.Mode.AUTO));
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        AtomicFile.checkWritable(fileFor(0));
        if (save == Save.BEST_ONLY) {
            mode = monitor.resolve("ModelCheckpoint", context.logKeys());
            best = Monitor.worst(mode);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        if (save == Save.BEST_ONLY) {
            double current = logs.get(monitor.key());
            if (!Monitor.improves(mode, current, best, 0.0)) {
                return;
            }
            best = current;
        }
        var options = context.options();
        ModelFile.save(context.model(), fileFor(epoch), new ModelFile.Provenance(options.seed(), options.data()));
    }

    /** The file of a 0-based epoch. */
    public Path fileFor(int epoch) {
        return Path.of(path.replace("{epoch}", Integer.toString(epoch + 1)));
    }

    /** The best monitored value saved so far ({@link Save#BEST_ONLY}). */
    public double best() {
        return best;
    }

    @Override
    public Map<String, Tensor> state() {
        return save == Save.BEST_ONLY ? Map.of("best", Tensor.scalar(DType.FLOAT64, best)) : Map.of();
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        if (save == Save.BEST_ONLY) {
            best = EarlyStopping.scalar(state, "best");
        }
    }

    @Override
    public String toString() {
        return "ModelCheckpoint(" + path + ", " + save + (save == Save.BEST_ONLY ? ", " + monitor : "") + ")";
    }
}
