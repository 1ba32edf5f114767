package dev.recur.train.callbacks;

import java.util.List;
import java.util.Objects;

/**
 * A logged quantity that a callback watches ({@code val_loss}, {@code accuracy}) and which way is
 * better. {@link Mode#AUTO} decides from the name: losses and errors ({@code loss}, {@code mse},
 * {@code mae}, {@code perplexity}) are minimized, accuracies maximized; any other name needs an
 * explicit mode (Keras raises the same error for metrics it cannot classify).
 *
 * @param key  the key in the epoch logs
 * @param mode MIN, MAX or AUTO
 */
public record Monitor(String key, Mode mode) {

    /** Whether lower or higher is better. */
    public enum Mode { MIN, MAX, AUTO }

    private static final List<String> LOWER_IS_BETTER = List.of("loss", "mse", "mae", "perplexity");
    private static final List<String> HIGHER_IS_BETTER = List.of("accuracy", "binary_accuracy");

    public Monitor {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("monitor: the key must name a logged value, such as \"val_loss\"");
        }
        Objects.requireNonNull(mode, "monitor mode (MIN, MAX or AUTO)");
    }

    /**
     * The mode to use, AUTO resolved, after checking that the logs will hold the key.
     *
     * @param owner   the callback, for messages
     * @param logKeys the keys every epoch's logs hold
     */
    Mode resolve(String owner, List<String> logKeys) {
        if (!logKeys.contains(key)) {
            String hint = key.startsWith("val_") && !logKeys.contains("val_loss")
                    ? "Possible cause: no validation data; set validationSplit or validationData, or monitor \""
                    + key.substring(4) + "\""
                    : "Possible cause: a metric missing from compile, or a misspelled key";
            throw new IllegalArgumentException(owner + " monitors \"" + key + "\" but the logs will hold only " + logKeys
                    + ". " + hint);
        }
        if (mode != Mode.AUTO) {
            return mode;
        }
        String base = key.startsWith("val_") ? key.substring(4) : key;
        if (LOWER_IS_BETTER.contains(base)) {
            return Mode.MIN;
        }
        if (HIGHER_IS_BETTER.contains(base)) {
            return Mode.MAX;
        }
        throw new IllegalArgumentException(owner + " cannot tell whether \"" + key + "\" should go up or down;"
                + " give the mode, Monitor.Mode.MIN or Monitor.Mode.MAX");
    }

    /** The worst value, before any is seen. */
    static double worst(Mode resolved) {
        return resolved == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Whether {@code current} beats {@code best} by more than {@code minDelta} (NaN never does). */
    static boolean improves(Mode resolved, double current, double best, double minDelta) {
        return resolved == Mode.MIN ? current + minDelta < best : current - minDelta > best;
    }
}
