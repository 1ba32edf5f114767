package dev.recur.nn;

import java.util.Locale;

/** The pieces of Keras 2's summary tables shared by Sequential and graph models. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * Keras's {@code print_row}: each field replaces the last character so far with a space, then
     * is cut and padded to its column's end ({@code positions}).
     */
    public static void row(StringBuilder sb, int[] positions, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.setCharAt(line.length() - 1, ' ');
            }
            line.append(fields[i]);
            line.setLength(Math.min(line.length(), positions[i]));
            line.append(" ".repeat(positions[i] - line.length()));
        }
        sb.append(line).append('\n');
    }

    /** The closing lines: total, trainable and non-trainable parameter counts, then a rule. */
    public static void totals(StringBuilder sb, int width, long total, long trainable) {
        sb.append(String.format(Locale.ROOT, "Total params: %,d\n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", total - trainable));
        sb.append("_".repeat(width)).append('\n');
    }
}
