package dev.recur.nn.graph;

import dev.recur.nn.Layer;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A symbolic tensor of a graph: a model input ({@link Input#of}) or one output of a layer call.
 * Nodes are immutable and only refer to earlier nodes, so a graph made of them has no cycle.
 * Their shapes (batch excluded) are known once the {@link GraphModel} is built.
 */
public final class Node {

    final LayerCall call;       // null for an input
    final int index;            // which output of the call
    final String inputName;     // for an input, else null
    final int[] declaredShape;  // for an input (batch excluded, -1 unknown), else null

    private Node(LayerCall call, int index, String inputName, int[] declaredShape) {
        this.call = call;
        this.index = index;
        this.inputName = inputName;
        this.declaredShape = declaredShape;
    }

    static Node input(String name, int[] shape) {
        return new Node(null, 0, name, shape.clone());
    }

    static Node output(LayerCall call, int index) {
        return new Node(call, index, null, null);
    }

    /** Whether this node is a model input. */
    public boolean isInput() {
        return call == null;
    }

    /** Calls a layer on this node (Keras's {@code y = layer(x)}); merge layers take {@link #merge}. */
    public Node apply(Layer layer) {
        return call(layer, this).getFirst();
    }

    /** Calls a merge layer on several nodes: {@code Node.merge(new Concatenate(-1), a, b)}. */
    public static Node merge(Merge layer, Node... inputs) {
        if (inputs.length < 2) {
            throw new IllegalArgumentException(layer.type() + " needs at least 2 inputs but got " + inputs.length);
        }
        return LayerCall.of(layer, List.of(inputs), List.of()).outputs().getFirst();
    }

    /**
     * Calls a layer and returns all its outputs: one, or for a recurrent layer with
     * {@code return_state} the output then h (and c for an LSTM). A recurrent layer may start from
     * {@code initialState} nodes (h, and c for an LSTM; Keras's {@code initial_state=[h, c]}).
     */
    public static List<Node> call(Layer layer, Node x, Node... initialState) {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(x, "x");
        if (layer instanceof Merge m) {
            throw new IllegalArgumentException(m.type() + " layer " + m.name() + " merges several inputs; call it with"
                    + " Node.merge(layer, a, b, ...)");
        }
        if (initialState.length > 0) {
            if (!(layer instanceof RecurrentLayer r)) {
                throw new IllegalArgumentException(layer.type() + " layer " + layer.name() + " takes no initial state;"
                        + " only SimpleRNN, LSTM and GRU layers do");
            }
            int needed = r instanceof Lstm ? 2 : 1;
            if (initialState.length != needed) {
                throw new IllegalArgumentException(layer.type() + " layer " + layer.name() + " needs an initial state of "
                        + needed + (needed == 2 ? " nodes (h, c)" : " node (h)") + " but got " + initialState.length);
            }
        }
        return LayerCall.of(layer, List.of(x), List.of(initialState)).outputs();
    }

    /** A label for messages: the input's name, or {@code layer[call][output]} as Keras prints it. */
    String label() {
        return call == null ? inputName : call.layer().name() + "[" + index + "]";
    }

    @Override
    public String toString() {
        return call == null ? "Input(" + inputName + ", " + Arrays.toString(declaredShape) + ")"
                : "Node(" + call.layer().name() + " output " + index + ")";
    }

    static List<Node> all(LayerCall call, int n) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(output(call, i));
        }
        return out;
    }
}
