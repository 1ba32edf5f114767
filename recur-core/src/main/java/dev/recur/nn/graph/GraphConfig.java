package dev.recur.nn.graph;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recur.nn.Layer;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.nn.spec.SpecNode;
import dev.recur.nn.spec.SpecParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph model's configuration as JSON, enough to rebuild an equal model (weights excluded):
 * <pre>{@code
 * {"name": "seq2seq",
 *  "inputs": [{"name": "enc", "shape": [-1, 8], "built_shape": [5, 8]}, ...],
 *  "layers": [{"name": "lstm", "spec": "LSTM(16, return_state=true)"}, ...],
 *  "calls": [{"layer": "lstm", "inputs": [["enc", 0, 0]], "initial_state": []}, ...],
 *  "outputs": [["dense", 0, 0]]}
 * }</pre>
 * A reference {@code [name, call, output]} names an input ({@code [name, 0, 0]}) or the
 * {@code output}-th output of the {@code call}-th call of layer {@code name}, as Keras's
 * {@code inbound_nodes}. {@code built_shape} is present once the model is built.
 */
public final class GraphConfig {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private GraphConfig() {
    }

    public static String toJson(GraphModel model) {
        return GSON.toJson(toTree(model));
    }

    /** The configuration as a JSON object. */
    public static JsonObject toTree(GraphModel model) {
        JsonObject root = new JsonObject();
        root.addProperty("name", model.name());
        JsonArray inputs = new JsonArray();
        for (Node in : model.inputs()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", in.inputName);
            o.add("shape", ints(in.declaredShape));
            if (model.isBuilt()) {
                o.add("built_shape", ints(model.shape(in)));
            }
            inputs.add(o);
        }
        root.add("inputs", inputs);
        JsonArray layers = new JsonArray();
        for (Layer l : model.layers()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", l.name());
            o.addProperty("spec", l.spec());
            layers.add(o);
        }
        root.add("layers", layers);
        Map<Layer, Integer> callCount = new IdentityHashMap<>();
        Map<LayerCall, Integer> callIndex = new IdentityHashMap<>();
        JsonArray calls = new JsonArray();
        for (LayerCall c : model.calls()) {
            int k = callCount.merge(c.layer(), 1, Integer::sum) - 1;
            callIndex.put(c, k);
            JsonObject o = new JsonObject();
            o.addProperty("layer", c.layer().name());
            o.add("inputs", refs(c.inputs(), callIndex));
            o.add("initial_state", refs(c.initialState(), callIndex));
            calls.add(o);
        }
        root.add("calls", calls);
        root.add("outputs", refs(model.outputs(), callIndex));
        return root;
    }

    private static JsonArray refs(List<Node> nodes, Map<LayerCall, Integer> callIndex) {
        JsonArray a = new JsonArray();
        for (Node n : nodes) {
            JsonArray r = new JsonArray();
            r.add(n.isInput() ? n.inputName : n.call.layer().name());
            r.add(n.isInput() ? 0 : callIndex.get(n.call));
            r.add(n.index);
            a.add(r);
        }
        return a;
    }

    private static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** An equal model, not built, from {@link #toJson}'s text. */
    public static GraphModel fromJson(String json) {
        return fromTree(JsonParser.parseString(json).getAsJsonObject());
    }

    /** An equal model, not built; the configuration is trusted no more than a file (every reference is checked). */
    public static GraphModel fromTree(JsonObject root) {
        Map<String, Node> inputs = new HashMap<>();
        List<Node> inputList = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("inputs")) {
            JsonObject o = e.getAsJsonObject();
            Node n = Input.of(o.get("name").getAsString(), toInts(o.getAsJsonArray("shape")));
            inputs.put(n.inputName, n);
            inputList.add(n);
        }
        Map<String, Layer> layers = new java.util.LinkedHashMap<>();
        for (JsonElement e : root.getAsJsonArray("layers")) {
            JsonObject o = e.getAsJsonObject();
            Layer l = layer(o.get("spec").getAsString());
            l.setName(o.get("name").getAsString());
            layers.put(l.name(), l);
        }
        Map<String, List<List<Node>>> outputsOf = new HashMap<>(); // layer name -> calls -> outputs
        for (JsonElement e : root.getAsJsonArray("calls")) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("layer").getAsString();
            Layer l = layers.get(name);
            if (l == null) {
                throw new IllegalArgumentException("graph configuration: a call names layer '" + name
                        + "', which is not among its layers " + layers.keySet());
            }
            List<Node> in = resolve(o.getAsJsonArray("inputs"), inputs, outputsOf);
            List<Node> state = resolve(o.getAsJsonArray("initial_state"), inputs, outputsOf);
            List<Node> out = l instanceof Merge m ? List.of(Node.merge(m, in.toArray(new Node[0])))
                    : Node.call(l, in.getFirst(), state.toArray(new Node[0]));
            outputsOf.computeIfAbsent(name, k -> new ArrayList<>()).add(out);
        }
        List<Node> outputs = resolve(root.getAsJsonArray("outputs"), inputs, outputsOf);
        return new GraphModel(root.get("name").getAsString(), inputList, outputs);
    }

    /** The built input shapes the configuration records, or null when it was saved unbuilt. */
    public static List<int[]> builtShapes(JsonObject root) {
        List<int[]> shapes = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("inputs")) {
            JsonArray a = e.getAsJsonObject().getAsJsonArray("built_shape");
            if (a == null) {
                return null;
            }
            shapes.add(toInts(a));
        }
        return shapes;
    }

    private static List<Node> resolve(JsonArray refs, Map<String, Node> inputs, Map<String, List<List<Node>>> outputsOf) {
        List<Node> out = new ArrayList<>();
        for (JsonElement e : refs) {
            JsonArray r = e.getAsJsonArray();
            String name = r.get(0).getAsString();
            int call = r.get(1).getAsInt();
            int index = r.get(2).getAsInt();
            Node n = inputs.get(name);
            if (n == null) {
                List<List<Node>> calls = outputsOf.get(name);
                if (calls == null || call < 0 || call >= calls.size() || index < 0 || index >= calls.get(call).size()) {
                    throw new IllegalArgumentException("graph configuration: reference [" + name + ", " + call + ", "
                            + index + "] names no input and no earlier layer output");
                }
                n = calls.get(call).get(index);
            }
            out.add(n);
        }
        return out;
    }

    /** A layer from its specification: a merge layer, or any layer the registry knows. */
    static Layer layer(String spec) {
        List<SpecNode> nodes = SpecParser.parse(spec);
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("graph configuration: layer specification \"" + spec
                    + "\" must describe one layer");
        }
        if (spec.equals("Add")) {
            return new Add();
        }
        if (spec.startsWith("Concatenate")) {
            String axis = spec.replaceAll("[^-0-9]", "");
            return new Concatenate(axis.isEmpty() ? -1 : Integer.parseInt(axis));
        }
        return LayerRegistry.create(nodes.getFirst());
    }

    private static int[] toInts(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }
}
