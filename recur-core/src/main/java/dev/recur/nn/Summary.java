package dev.recur.nn;

import java.util.Locale;

/**
 * Keras's {@code model.summary()} for a Sequential model, in the layout of Keras 2 (the one the
 * curriculum's books print): columns at 29, 55 and 65 characters, totals with thousands separators.
 */
final class Summary {

    private static final int[] POSITIONS = {29, 55, 65};
    private static final int WIDTH = 65;

    private Summary() {
    }

    static String of(Sequential model) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append("_".repeat(WIDTH)).append('\n');
        row(sb, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(WIDTH)).append('\n');
        var layers = model.layers();
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String shape = l.isBuilt() ? Layer.batchShape(l.outputShape()) : "multiple";
            row(sb, l.name() + " (" + l.type() + ")", shape, Long.toString(l.countParams()));
            total += l.countParams();
            sb.append(i == layers.size() - 1 ? "=" .repeat(WIDTH) : "_".repeat(WIDTH)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", 0));
        sb.append("_".repeat(WIDTH)).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            line.append(fields[i]);
            if (line.length() > POSITIONS[i]) {
                line.setLength(POSITIONS[i]);
            }
            while (line.length() < POSITIONS[i]) {
                line.append(' ');
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
