package dev.recur.nn.graph;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.nn.Model;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.RecurrentResult;
import dev.recur.nn.rnn.State;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keras's functional model: layer calls between {@link Input}s and outputs, run in topological
 * order. A layer called twice is shared: one set of weights, counted once. Layer names are made
 * unique ({@code dense}, {@code dense_1}, ...). Built lazily from the inputs' shapes (batch
 * excluded); masks travel along the edges as in Keras (recurrent final states carry none).
 *
 * <p>As a {@link Model} (one input, one output) it trains through {@code Trainer.fit(x, y, ...)};
 * with several inputs or outputs use {@link #build(BuildContext, List)} and {@link #forwardAll}.
 */
public final class GraphModel implements Model {

    private final String name;
    private final List<Node> inputs;
    private final List<Node> outputs;
    private final List<LayerCall> calls;   // topological order
    private final List<Layer> layers;      // distinct, in order of first call
    private Map<Node, int[]> shapes;       // batch excluded; null until built

    public GraphModel(String name, List<Node> inputs, List<Node> outputs) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        if (this.inputs.isEmpty() || this.outputs.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " needs at least one input and one output, got "
                    + this.inputs.size() + " inputs and " + this.outputs.size() + " outputs");
        }
        Set<String> inputNames = new HashSet<>();
        for (Node n : this.inputs) {
            if (!n.isInput()) {
                throw new IllegalArgumentException("model " + name + ": " + n + " is listed as an input but is a layer's"
                        + " output; model inputs are made with Input.of(name, shape)");
            }
            if (!inputNames.add(n.inputName)) {
                throw new IllegalArgumentException("model " + name + " has two inputs named '" + n.inputName + "'");
            }
        }
        this.calls = topological(this.outputs);
        Set<Node> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LayerCall c : calls) {
            used.addAll(c.reads());
        }
        used.addAll(this.outputs);
        for (Node n : this.inputs) {
            if (!used.contains(n)) {
                throw new IllegalArgumentException("model " + name + ": input '" + n.inputName + "' is not used by any"
                        + " output; remove it from the inputs or connect it");
            }
        }
        Set<Node> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(this.inputs);
        for (Node n : used) {
            if (n.isInput() && !known.contains(n)) {
                throw new IllegalArgumentException("model " + name + ": the outputs depend on input '" + n.inputName
                        + "', which is not among the model's inputs " + this.inputs.stream().map(i -> i.inputName).toList()
                        + "; add it to the inputs list");
            }
        }
        this.layers = uniqueLayers(calls, inputNames);
    }

    /** Calls in an order where each runs after the calls it reads from (depth-first from the outputs). */
    private static List<LayerCall> topological(List<Node> outputs) {
        List<LayerCall> order = new ArrayList<>();
        Set<LayerCall> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : outputs) {
            visit(n, order, done);
        }
        return order;
    }

    private static void visit(Node n, List<LayerCall> order, Set<LayerCall> done) {
        if (n.isInput() || done.contains(n.call)) {
            return;
        }
        for (Node in : n.call.reads()) {
            visit(in, order, done); // nodes only read earlier nodes, so this ends: a graph has no cycle
        }
        done.add(n.call);
        order.add(n.call);
    }

    /** Distinct layers in order of first call, renamed to be unique among themselves and the inputs. */
    private List<Layer> uniqueLayers(List<LayerCall> calls, Set<String> inputNames) {
        Set<Layer> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Layer> out = new ArrayList<>();
        Set<String> names = new HashSet<>(inputNames);
        for (LayerCall c : calls) {
            Layer l = c.layer();
            if (!distinct.add(l)) {
                continue;
            }
            String unique = l.name();
            for (int i = 1; names.contains(unique); i++) {
                unique = l.name() + "_" + i;
            }
            if (!unique.equals(l.name())) {
                l.setName(unique);
            }
            names.add(unique);
            out.add(l);
        }
        return List.copyOf(out);
    }

    public String name() {
        return name;
    }

    /** The distinct layers, in order of first call. */
    public List<Layer> layers() {
        return layers;
    }

    public List<Node> inputs() {
        return inputs;
    }

    public List<Node> outputs() {
        return outputs;
    }

    List<LayerCall> calls() {
        return calls;
    }

    // ---- building -----------------------------------------------------------------------------

    /** Builds for the inputs' declared shapes; fails when one has an unknown (-1) dimension a layer needs. */
    public List<int[]> build(BuildContext ctx) {
        return build(ctx, inputs.stream().map(n -> n.declaredShape).toList());
    }

    /**
     * Builds every layer, in topological order, for inputs of these shapes (batch excluded; each
     * compatible with its input's declared shape); returns the output shapes.
     */
    public List<int[]> build(BuildContext ctx, List<int[]> inputShapes) {
        Objects.requireNonNull(ctx, "ctx");
        if (inputShapes.size() != inputs.size()) {
            throw new IllegalArgumentException("model " + name + " has " + inputs.size() + " inputs " + inputNames()
                    + " but build got " + inputShapes.size() + " shapes");
        }
        Map<Node, int[]> s = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Node in = inputs.get(i);
            int[] given = inputShapes.get(i);
            if (!compatible(in.declaredShape, given)) {
                throw new IllegalArgumentException("model " + name + ": input '" + in.inputName + "' was declared with"
                        + " shape " + Layer.batchShape(in.declaredShape) + " but is built for " + Layer.batchShape(given));
            }
            s.put(in, given.clone());
        }
        for (LayerCall c : calls) {
            List<int[]> in = c.inputs().stream().map(s::get).toList();
            Layer l = c.layer();
            if (l instanceof Merge m) {
                s.put(c.outputs().getFirst(), m.build(ctx, in));
                continue;
            }
            int[] out = l.build(ctx, in.getFirst());
            s.put(c.outputs().getFirst(), out);
            if (l instanceof RecurrentLayer r) {
                int[] stateShape = {r.units()};
                for (int k = 1; k < c.outputs().size(); k++) {
                    s.put(c.outputs().get(k), stateShape);
                }
                for (int k = 0; k < c.initialState().size(); k++) {
                    int[] given = s.get(c.initialState().get(k));
                    if (!java.util.Arrays.equals(given, stateShape)) {
                        throw new IllegalArgumentException(l.type() + " layer " + l.name() + ": initial state "
                                + (k == 0 ? "h" : "c") + " from " + c.initialState().get(k).label() + " has shape "
                                + Layer.batchShape(given) + " but the layer has " + r.units() + " units, so it needs "
                                + Layer.batchShape(stateShape));
                    }
                }
            }
        }
        shapes = s;
        return outputShapes();
    }

    private static boolean compatible(int[] declared, int[] given) {
        if (declared.length != given.length) {
            return false;
        }
        for (int i = 0; i < declared.length; i++) {
            if (declared[i] != -1 && declared[i] != given[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] build(BuildContext ctx, int... inputShape) {
        requireSingle("build", true, false);
        return build(ctx, List.of(inputShape)).getFirst();
    }

    @Override
    public boolean isBuilt() {
        return shapes != null;
    }

    /** The shape of a node of this model, batch excluded; fails before {@link #build}. */
    public int[] shape(Node n) {
        requireBuilt("shape");
        int[] s = shapes.get(n);
        if (s == null) {
            throw new IllegalArgumentException("shape: " + n + " is not part of model " + name);
        }
        return s.clone();
    }

    public List<int[]> inputShapes() {
        requireBuilt("inputShapes");
        return inputs.stream().map(this::shape).toList();
    }

    public List<int[]> outputShapes() {
        requireBuilt("outputShapes");
        return outputs.stream().map(this::shape).toList();
    }

    @Override
    public int[] inputShape() {
        requireSingle("inputShape", true, false);
        return inputShapes().getFirst();
    }

    @Override
    public int[] outputShape() {
        requireSingle("outputShape", false, true);
        return outputShapes().getFirst();
    }

    // ---- running ------------------------------------------------------------------------------

    /** Runs the graph on one batch per input (in the order of {@link #inputs()}); returns one value per output. */
    public List<Masked> forwardAll(List<Masked> batch, Context ctx) {
        requireBuilt("forward");
        if (batch.size() != inputs.size()) {
            throw new IllegalArgumentException("model " + name + " has " + inputs.size() + " inputs " + inputNames()
                    + " but received " + batch.size() + " batches");
        }
        Map<Node, Masked> values = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Node in = inputs.get(i);
            Tensor v = batch.get(i).value().value();
            int[] built = shapes.get(in);
            boolean ok = v.rank() == built.length + 1;
            for (int d = 0; ok && d < built.length; d++) {
                ok = built[d] == -1 || built[d] == v.dim(d + 1);
            }
            if (!ok) {
                throw new IllegalArgumentException("model " + name + ": input '" + in.inputName + "' was built for shape "
                        + Layer.batchShape(built) + " but received a batch of shape " + v.shapeString());
            }
            values.put(in, batch.get(i));
        }
        for (LayerCall c : calls) {
            List<Masked> in = c.inputs().stream().map(values::get).toList();
            Layer l = c.layer();
            if (l instanceof Merge m) {
                values.put(c.outputs().getFirst(), m.merge(in));
            } else if (l instanceof RecurrentLayer r && (c.outputs().size() > 1 || !c.initialState().isEmpty())) {
                State start = null;
                if (!c.initialState().isEmpty()) {
                    Variable h = values.get(c.initialState().getFirst()).value();
                    start = c.initialState().size() == 2 ? State.of(h, values.get(c.initialState().get(1)).value())
                            : State.of(h);
                }
                RecurrentResult res = r.call(in.getFirst().value(), in.getFirst().mask(), start, ctx);
                values.put(c.outputs().getFirst(), new Masked(res.output(), res.mask()));
                if (c.outputs().size() > 1) {
                    values.put(c.outputs().get(1), Masked.of(res.state().h()));
                }
                if (c.outputs().size() > 2) {
                    values.put(c.outputs().get(2), Masked.of(res.state().c()));
                }
            } else {
                values.put(c.outputs().getFirst(), l.forward(in.getFirst(), ctx));
            }
        }
        return outputs.stream().map(values::get).toList();
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        requireSingle("forward", true, true);
        return forwardAll(List.of(input), ctx).getFirst();
    }

    /** Inference on one batch per input, nothing recorded; one tensor per output. */
    public List<Tensor> predict(List<Tensor> xs) {
        try (var scope = GradMode.noGrad()) {
            return forwardAll(xs.stream().map(Masked::of).toList(), Context.inference()).stream()
                    .map(m -> m.value().value()).toList();
        }
    }

    // ---- weights ------------------------------------------------------------------------------

    /** Trainable weights of the distinct layers (a shared layer's once), in order of first call. */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.parameters()));
        return all;
    }

    @Override
    public List<Parameter> weights() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.weights()));
        return all;
    }

    public long countParams() {
        return layers.stream().mapToLong(Layer::countParams).sum();
    }

    public long countTrainableParams() {
        return layers.stream().mapToLong(Layer::countTrainableParams).sum();
    }

    @Override
    public void resetStates() {
        layers.forEach(Layer::resetStates);
    }

    /** The configuration as JSON ({@link GraphConfig}); {@link GraphConfig#fromJson} gives an equal, unbuilt model. */
    @Override
    public String spec() {
        return GraphConfig.toJson(this);
    }

    /** Keras 2's functional summary with a "Connected to" column (see {@link GraphSummary}). */
    public String summary() {
        return GraphSummary.of(this);
    }

    // ---- checks -------------------------------------------------------------------------------

    /** The outputs' names for logs: the producing layer's name (an input's own), with {@code _i} on repeats. */
    public List<String> outputNames() {
        List<String> out = new ArrayList<>();
        for (Node n : outputs) {
            String base = n.isInput() ? n.inputName : n.call.layer().name();
            String unique = base;
            for (int i = 1; out.contains(unique); i++) {
                unique = base + "_" + i;
            }
            out.add(unique);
        }
        return out;
    }

    /** The inputs' names, in order. */
    public List<String> inputNames() {
        return inputs.stream().map(n -> n.inputName).toList();
    }

    private void requireSingle(String what, boolean oneInput, boolean oneOutput) {
        if (oneInput && inputs.size() != 1) {
            throw new IllegalArgumentException(what + ": model " + name + " has " + inputs.size() + " inputs "
                    + inputNames() + "; use the list form (build(ctx, shapes), forwardAll, inputShapes)");
        }
        if (oneOutput && outputs.size() != 1) {
            throw new IllegalArgumentException(what + ": model " + name + " has " + outputs.size() + " outputs;"
                    + " use the list form (forwardAll, outputShapes)");
        }
        if (what.equals("build")) {
            return;
        }
        requireBuilt(what);
    }

    private void requireBuilt(String what) {
        if (shapes == null) {
            throw new IllegalStateException(what + ": model " + name + " is not built yet; call build(ctx) or"
                    + " build(ctx, shapes) first");
        }
    }

    @Override
    public String toString() {
        return "GraphModel(" + name + ", inputs " + inputNames() + ", " + layers.size() + " layers)";
    }
}
