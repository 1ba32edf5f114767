package dev.recur.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Logs as Keras prints them: {@code loss: 0.1234 - mae: 0.0456 - val_loss: 1.2340e-05}. */
final class LogLine {

    private LogLine() {
    }

    /** The entries of {@code logs} named in {@code keys}, in that order; keys missing from the logs are skipped. */
    static String of(Map<String, Double> logs, List<String> keys) {
        StringJoiner line = new StringJoiner(" - ");
        for (String key : keys) {
            Double value = logs.get(key);
            if (value != null) {
                line.add(key + ": " + number(value));
            }
        }
        return line.toString();
    }

    /** Four decimals, or scientific notation below 1e-3 so that a small loss still shows its digits (Keras's rule). */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 1e-3 || value == 0 ? "%.4f" : "%.4e", value);
    }

    /** A duration as Keras prints it: {@code 12s}, {@code 3:05}, {@code 1:02:03}; below 10 s with a decimal. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Time per step: {@code 41ms/step}, {@code 850us/step}, {@code 2s/step}. */
    static String perStep(double seconds, long steps) {
        double each = seconds / Math.max(1, steps);
        if (each >= 1) {
            return String.format(Locale.ROOT, "%.0fs/step", each);
        }
        if (each >= 1e-3) {
            return String.format(Locale.ROOT, "%.0fms/step", each * 1e3);
        }
        return String.format(Locale.ROOT, "%.0fus/step", each * 1e6);
    }
}
