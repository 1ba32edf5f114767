package dev.recur.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Running means of the loss and metrics over an epoch, each batch weighted by its size (Keras's
 * {@code Mean} with {@code sample_weight=batch_size}). The sums are exported exactly for
 * checkpoints, so that a resumed epoch reports the averages the uninterrupted one would.
 */
final class MeanTracker {

    private final Map<String, double[]> sums = new LinkedHashMap<>(); // key -> {sum of value * weight, sum of weights}

    /** Adds one batch's value with its weight (the batch size). */
    void add(String key, double value, double weight) {
        double[] s = sums.computeIfAbsent(key, k -> new double[2]);
        s[0] += value * weight;
        s[1] += weight;
    }

    boolean isEmpty() {
        return sums.isEmpty();
    }

    /** The means, in order of first addition, each passed through its finisher (identity when none is given). */
    Map<String, Double> means(Map<String, DoubleUnaryOperator> finishers, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((key, s) -> {
            double mean = s[0] / s[1];
            out.put(prefix + key, finishers.getOrDefault(key, DoubleUnaryOperator.identity()).applyAsDouble(mean));
        });
        return out;
    }

    /** The sums, for a checkpoint: key to [sum, weight]. */
    Map<String, List<Double>> state() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        sums.forEach((key, s) -> out.put(key, List.of(s[0], s[1])));
        return out;
    }

    /** A tracker continuing from {@link #state()}. */
    static MeanTracker of(Map<String, List<Double>> state) {
        MeanTracker t = new MeanTracker();
        state.forEach((key, s) -> t.sums.put(key, new double[]{s.get(0), s.get(1)}));
        return t;
    }
}
