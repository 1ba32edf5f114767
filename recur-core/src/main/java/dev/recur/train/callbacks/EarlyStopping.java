package dev.recur.train.callbacks;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.Callback;
import dev.recur.train.History;
import dev.recur.train.TrainingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stops training when a monitored value stops improving: Keras 3's {@code EarlyStopping}, same
 * rules. After each epoch: an improvement is {@code current + minDelta < best} (MIN) or
 * {@code current - minDelta > best} (MAX); it resets the count of epochs waited, otherwise the
 * count grows and, once it reaches {@code patience} (and not at the first epoch), training stops.
 * With {@code restoreBestWeights}, the weights of the best epoch are put back when training ends,
 * whether it stopped early or not (Keras 3; Keras 2 restored only after an early stop).
 */
public final class EarlyStopping implements Callback {

    /**
     * The settings.
     *
     * @param monitor            the watched value; default {@code val_loss}, AUTO mode
     * @param minDelta           the smallest change that counts as an improvement, &gt;= 0; default 0
     * @param patience           epochs without improvement before stopping, &gt;= 0; default 0
     * @param restoreBestWeights put the best epoch's weights back at the end; default false
     */
    public record Config(Monitor monitor, double minDelta, int patience, boolean restoreBestWeights) {
        public Config {
            Objects.requireNonNull(monitor, "EarlyStopping: monitor");
            if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
                throw new IllegalArgumentException("EarlyStopping: minDelta must be finite and >= 0 but got " + minDelta);
            }
            if (patience < 0) {
                throw new IllegalArgumentException("EarlyStopping: patience must be >= 0 but got " + patience);
            }
        }

        /** Keras's defaults: monitor val_loss (AUTO), minDelta 0, patience 0, no restoring. */
        public static Config defaults() {
            return new Config(new Monitor("val_loss", Monitor.Mode.AUTO), 0.0, 0, false);
        }

        public Config withMonitor(String key, Monitor.Mode mode) {
            return new Config(new Monitor(key, mode), minDelta, patience, restoreBestWeights);
        }

        public Config withMinDelta(double minDelta) {
            return new Config(monitor, minDelta, patience, restoreBestWeights);
        }

        public Config withPatience(int patience) {
            return new Config(monitor, minDelta, patience, restoreBestWeights);
        }

        public Config withRestoreBestWeights(boolean restore) {
            return new Config(monitor, minDelta, patience, restore);
        }
    }

    private static final String BEST_WEIGHTS = "best_weights/";

    private final Config config;
    private Monitor.Mode mode;
    private int wait;
    private double best;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private Map<String, Tensor> bestWeights; // parameter name -> copy; null until an epoch is recorded

    public EarlyStopping(Config config) {
        this.config = Objects.requireNonNull(config, "EarlyStopping: config");
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        mode = config.monitor().resolve("EarlyStopping", context.logKeys());
        wait = 0;
        best = Monitor.worst(mode);
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        double current = logs.get(config.monitor().key());
        if (config.restoreBestWeights() && bestWeights == null) {
            bestWeights = copy(context.model().weights());
            bestEpoch = epoch;
        }
        wait++;
        if (Monitor.improves(mode, current, best, config.minDelta())) {
            best = current;
            bestEpoch = epoch;
            if (config.restoreBestWeights()) {
                bestWeights = copy(context.model().weights());
            }
            wait = 0;
            return;
        }
        if (wait >= config.patience() && epoch > 0) {
            stoppedEpoch = epoch;
            context.stopTraining("EarlyStopping: " + config.monitor().key() + " did not improve for " + wait
                    + (wait == 1 ? " epoch" : " epochs") + " (best " + best + " at epoch " + (bestEpoch + 1)
                    + "); stopped after epoch " + (epoch + 1));
        }
    }

    @Override
    public void onTrainEnd(History history, TrainingContext context) {
        if (config.restoreBestWeights() && bestWeights != null) {
            for (Parameter p : context.model().weights()) {
                p.value().copyFrom(bestWeights.get(p.name()));
            }
        }
    }

    /** The best monitored value so far (infinite before the first epoch). */
    public double best() {
        return best;
    }

    /** The 0-based epoch of the best value, or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The 0-based epoch training stopped after, or -1 if it did not stop early. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("wait", Tensor.scalar(DType.FLOAT64, wait));
        s.put("best", Tensor.scalar(DType.FLOAT64, best));
        s.put("best_epoch", Tensor.scalar(DType.FLOAT64, bestEpoch));
        s.put("stopped_epoch", Tensor.scalar(DType.FLOAT64, stoppedEpoch));
        if (bestWeights != null) {
            bestWeights.forEach((name, t) -> s.put(BEST_WEIGHTS + name, t));
        }
        return s;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        wait = (int) scalar(state, "wait");
        best = scalar(state, "best");
        bestEpoch = (int) scalar(state, "best_epoch");
        stoppedEpoch = (int) scalar(state, "stopped_epoch");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        state.forEach((key, t) -> {
            if (key.startsWith(BEST_WEIGHTS)) {
                weights.put(key.substring(BEST_WEIGHTS.length()), t.copy());
            }
        });
        bestWeights = weights.isEmpty() ? null : weights;
    }

    static double scalar(Map<String, Tensor> state, String key) {
        Tensor t = state.get(key);
        if (t == null || t.size() != 1) {
            throw new IllegalArgumentException("loadState: the saved state has no scalar '" + key + "' (keys: "
                    + state.keySet() + "); it was not written by this callback");
        }
        return t.item();
    }

    private static Map<String, Tensor> copy(List<Parameter> parameters) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), p.value().copy());
        }
        return out;
    }

    @Override
    public String toString() {
        return "EarlyStopping(" + config + ")";
    }
}
