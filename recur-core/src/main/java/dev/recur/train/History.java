package dev.recur.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Trainer#fit} returns: the logs of every finished epoch (Keras's
 * {@code history.history}), {@code loss}, each metric, and {@code val_loss}, {@code val_<metric>}
 * with validation data; and why training stopped early, if it did.
 *
 * <p>A resumed run's history starts with the epochs of the run it continues. An epoch interrupted
 * by a stop request (TerminateOnNaN) is not recorded: its averages would cover part of the data.
 */
public final class History {

    private final List<Map<String, Double>> epochs = new ArrayList<>();
    private String stopReason;

    History() {
    }

    /** A history holding these epochs' logs (a restored checkpoint's). */
    static History of(List<Map<String, Double>> epochs) {
        History h = new History();
        epochs.forEach(h::add);
        return h;
    }

    void add(Map<String, Double> logs) {
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
    }

    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Number of epochs recorded. */
    public int size() {
        return epochs.size();
    }

    /** The logs of each epoch, in order. */
    public List<Map<String, Double>> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The logs of one epoch (0-based). */
    public Map<String, Double> epoch(int epoch) {
        if (epoch < 0 || epoch >= epochs.size()) {
            throw new IllegalArgumentException("History.epoch: epoch " + epoch + " is not in 0.." + (epochs.size() - 1));
        }
        return epochs.get(epoch);
    }

    /** The keys logged, in the order of the logs: {@code loss}, the metrics, then the validation ones. */
    public List<String> keys() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        epochs.forEach(e -> keys.addAll(e.keySet()));
        return List.copyOf(keys);
    }

    /** One value per epoch for this key, as Keras's {@code history.history["loss"]}. */
    public double[] get(String key) {
        if (!keys().contains(key)) {
            throw new IllegalArgumentException("History has no '" + key + "'; it holds " + keys());
        }
        return epochs.stream().mapToDouble(e -> e.getOrDefault(key, Double.NaN)).toArray();
    }

    /** The last epoch's value of this key. */
    public double last(String key) {
        double[] values = get(key);
        return values[values.length - 1];
    }

    /** Why training ended before its last epoch (early stopping, a NaN loss), or empty. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    @Override
    public String toString() {
        return "History(" + epochs.size() + " epochs" + (stopReason != null ? ", stopped: " + stopReason : "") + ")";
    }
}
