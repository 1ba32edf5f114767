/**
 * Keras's functional API: a {@link dev.recur.nn.graph.GraphModel} is a directed acyclic graph of
 * layer calls between symbolic {@link dev.recur.nn.graph.Node}s, with several inputs and outputs
 * (encoder-decoder models), recurrent calls that return their final states or start from given
 * ones, merge layers ({@link dev.recur.nn.graph.Concatenate}, {@link dev.recur.nn.graph.Add}),
 * shared layers, masks carried along edges, and a JSON configuration that rebuilds it exactly.
 *
 * <pre>{@code
 * Node enc = Input.of("encoder_inputs", -1, 8);
 * List<Node> e = Node.call(new Lstm(16, RecurrentOptions.DEFAULTS.withReturnState(true)), enc); // output, h, c
 * Node dec = Input.of("decoder_inputs", -1, 8);
 * Node seq = Node.call(new Lstm(16, RecurrentOptions.DEFAULTS.withReturnSequences(true)), dec, e.get(1), e.get(2)).getFirst();
 * Node out = seq.apply(new Dense(8, Activation.SOFTMAX));
 * GraphModel model = new GraphModel("seq2seq", List.of(enc, dec), List.of(out));
 * }</pre>
 * Shapes exclude the batch dimension; layers are built lazily, in topological order, when the
 * model is built for its inputs' shapes.
 */
package dev.recur.nn.graph;
