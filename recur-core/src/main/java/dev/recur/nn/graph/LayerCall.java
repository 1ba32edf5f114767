package dev.recur.nn.graph;

import dev.recur.nn.Layer;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentLayer;

import java.util.List;

/**
 * One call of a layer in a graph (Keras's node): its inputs, the initial state of a recurrent
 * call, and its output nodes.
 */
final class LayerCall {

    private final Layer layer;
    private final List<Node> inputs;
    private final List<Node> initialState; // h (and c), or empty
    private final List<Node> outputs;

    private LayerCall(Layer layer, List<Node> inputs, List<Node> initialState) {
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
        this.initialState = List.copyOf(initialState);
        this.outputs = Node.all(this, outputCount(layer));
    }

    static LayerCall of(Layer layer, List<Node> inputs, List<Node> initialState) {
        return new LayerCall(layer, inputs, initialState);
    }

    /** One output, or for a recurrent layer with return_state the output, h and (LSTM) c. */
    private static int outputCount(Layer layer) {
        if (layer instanceof RecurrentLayer r && r.options().returnState()) {
            return r instanceof Lstm ? 3 : 2;
        }
        return 1;
    }

    Layer layer() {
        return layer;
    }

    List<Node> inputs() {
        return inputs;
    }

    List<Node> initialState() {
        return initialState;
    }

    List<Node> outputs() {
        return outputs;
    }

    /** Every node this call reads: inputs, then initial state. */
    List<Node> reads() {
        return java.util.stream.Stream.concat(inputs.stream(), initialState.stream()).toList();
    }
}
