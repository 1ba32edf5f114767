package dev.recur.nn.graph;

import dev.recur.nn.Layer;
import dev.recur.nn.SummaryTable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 2's {@code model.summary()} for a functional model, in the layout of Keras 2 up to 2.8
 * ({@code print_layer_summary_with_connections}): 98 characters wide, columns ending at 32, 53,
 * 65 and 98, the inputs first as {@code InputLayer}s, then the layers in the order they run; the
 * "Connected to" column names each input as {@code layer[call][output]}, the first on the layer's
 * line and the others on lines of their own. A shared layer appears once, with every call's
 * inputs and its weights counted once (a layer is built for one input shape, so its calls' shapes
 * agree and Keras's "multiple" never arises).
 */
final class GraphSummary {

    private static final int WIDTH = 98;
    private static final int[] POSITIONS = {32, 53, 65, 98}; // int(98 * p) for p in (.33, .55, .67, 1)

    private GraphSummary() {
    }

    static String of(GraphModel model) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("summary: model " + model.name() + " is not built yet, so its output shapes"
                    + " and weights are unknown; call build(ctx) or build(ctx, shapes) first");
        }
        Map<Layer, List<LayerCall>> callsOf = new IdentityHashMap<>();
        for (LayerCall c : model.calls()) {
            callsOf.computeIfAbsent(c.layer(), k -> new ArrayList<>()).add(c);
        }
        List<List<String[]>> entries = new ArrayList<>(); // one per layer: its lines
        for (Node in : model.inputs()) {
            entries.add(List.<String[]>of(new String[]{in.inputName + " (InputLayer)",
                    "[" + Layer.batchShape(model.shape(in)) + "]", "0", ""}));
        }
        for (Layer l : model.layers()) {
            List<String> connections = new ArrayList<>();
            List<String> shapes = new ArrayList<>();
            for (LayerCall c : callsOf.get(l)) {
                for (Node n : c.reads()) {
                    connections.add(n.isInput() ? n.inputName + "[0][0]"
                            : n.call.layer().name() + "[" + callsOf.get(n.call.layer()).indexOf(n.call) + "][" + n.index + "]");
                }
                List<String> outs = c.outputs().stream().map(o -> Layer.batchShape(model.shape(o))).toList();
                shapes.add(outs.size() == 1 ? outs.getFirst() : "[" + String.join(", ", outs) + "]");
            }
            String shape = shapes.getFirst(); // a shared layer is built for one input shape, so its calls agree
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[]{l.name() + " (" + l.type() + ")", shape, Long.toString(l.countParams()),
                    connections.getFirst()});
            for (int i = 1; i < connections.size(); i++) {
                lines.add(new String[]{"", "", "", connections.get(i)});
            }
            entries.add(lines);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append("_".repeat(WIDTH)).append('\n');
        row(sb, "Layer (type)", "Output Shape", "Param #", "Connected to");
        sb.append("=".repeat(WIDTH)).append('\n');
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).forEach(r -> row(sb, r));
            sb.append((i == entries.size() - 1 ? "=" : "_").repeat(WIDTH)).append('\n');
        }
        SummaryTable.totals(sb, WIDTH, model.countParams(), model.countTrainableParams());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... fields) {
        SummaryTable.row(sb, POSITIONS, fields);
    }
}
