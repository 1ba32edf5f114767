package dev.recur.train;

import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * A quantity reported during training and evaluation besides the loss, such as accuracy.
 *
 * <p>Each batch gives one value ({@link #batchValue}); the value of an epoch is the mean of its
 * batches' values weighted by batch size, as Keras averages (so that a short last batch counts
 * for what it holds), passed through {@link #result} (perplexity takes the exponential there).
 * Built-in metrics are in {@link Metrics}; a custom one is a name and a function:
 * <pre>{@code
 * Metric lastStepMse = Metric.of("last_step_mse", (predictions, targets) -> ...);
 * }</pre>
 */
public interface Metric {

    /** The key of this metric in logs and {@link History}, e.g. {@code "accuracy"}; validation adds {@code "val_"}. */
    String name();

    /**
     * The metric's mean over one batch.
     *
     * @param predictions the model's outputs // [batch, ..., outputs]
     * @param targets     the targets as given to fit: shaped like the predictions, or class indices
     *                    (the predictions' shape without the last dimension) for sparse losses
     * @param mask        the model's output mask // [batch, time], or null when every step counts
     */
    double batchValue(Tensor predictions, Tensor targets, Tensor mask);

    /** Turns the batch-size-weighted mean of the batch values into the reported value; the identity by default. */
    default double result(double mean) {
        return mean;
    }

    /**
     * Fails before training if this metric cannot be computed on these shapes (batch excluded);
     * accepts everything by default.
     *
     * @throws IllegalArgumentException naming the metric, the shapes and a fix
     */
    default void check(int[] predictionShape, int[] targetShape) {
    }

    /** A metric computed per batch by a function of the predictions and targets (the output mask is not passed). */
    @FunctionalInterface
    interface BatchFunction {
        double compute(Tensor predictions, Tensor targets);
    }

    /** A custom metric: its name and its per-batch function. */
    static Metric of(String name, BatchFunction function) {
        Objects.requireNonNull(function, "function");
        String n = Metrics.checkName(name);
        return new Metric() {
            @Override
            public String name() {
                return n;
            }

            @Override
            public double batchValue(Tensor predictions, Tensor targets, Tensor mask) {
                return function.compute(predictions, targets);
            }

            @Override
            public String toString() {
                return "Metric(" + n + ")";
            }
        };
    }
}
