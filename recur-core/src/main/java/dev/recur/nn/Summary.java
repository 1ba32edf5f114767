package dev.recur.nn;

import java.util.List;

/**
 * Keras's {@code model.summary()} for a Sequential model, character for character in the layout
 * of Keras 2 up to 2.8 ({@code keras/utils/layer_utils.py}, {@code print_summary}), the one the
 * textbooks print: 65 characters wide, columns ending at 29, 55 and 65, each field cut to fit and
 * followed by at least one space, lines padded with spaces to the full width, an underscore rule
 * between layers, totals with thousands separators.
 */
final class Summary {

    private static final int WIDTH = 65;
    private static final int[] POSITIONS = {29, 55, 65}; // int(65 * p) for p in (.45, .85, 1)

    private Summary() {
    }

    static String of(Sequential model) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("summary: model " + model.name() + " is not built yet, so its output shapes"
                    + " and weights are unknown; call build(ctx, shape) first (or start its specification with Input(...))");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append("_".repeat(WIDTH)).append('\n');
        row(sb, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(WIDTH)).append('\n');
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            row(sb, l.name() + " (" + l.type() + ")", Layer.batchShape(l.outputShape()), Long.toString(l.countParams()));
            sb.append((i == layers.size() - 1 ? "=" : "_").repeat(WIDTH)).append('\n');
        }
        SummaryTable.totals(sb, WIDTH, model.countParams(), model.countTrainableParams());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... fields) {
        SummaryTable.row(sb, POSITIONS, fields);
    }
}
