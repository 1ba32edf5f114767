package dev.recur.nn.graph;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Activation;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Dense;
import dev.recur.nn.Masked;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphModelTest {

    static Tensor random(DType dtype, long seed, int... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(dtype, shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, rng.nextDouble(-1, 1));
        }
        return t;
    }

    /** The classic Keras seq2seq: encoder LSTM(return_state) -> states -> decoder LSTM(return_sequences) -> Dense(softmax). */
    static GraphModel seq2seq(int features, int units) {
        Node enc = Input.of("encoder_inputs", -1, features);
        List<Node> e = Node.call(new Lstm(units, RecurrentOptions.DEFAULTS.withReturnState(true)), enc);
        Node dec = Input.of("decoder_inputs", -1, features);
        Node seq = Node.call(new Lstm(units, RecurrentOptions.DEFAULTS.withReturnSequences(true)), dec, e.get(1), e.get(2))
                .getFirst();
        Node out = seq.apply(new Dense(features, Activation.SOFTMAX));
        return new GraphModel("seq2seq", List.of(enc, dec), List.of(out));
    }

    private static BuildContext ctx(DType dtype) {
        return new BuildContext(dtype, new SplittableRandom(7));
    }

    @Test
    void seq2seqHasTeacherForcingShapesAndPassesAGradientCheck() {
        GraphModel m = seq2seq(3, 4);
        m.build(ctx(DType.FLOAT64), List.of(new int[]{5, 3}, new int[]{4, 3}));
        assertArrayEquals(new int[]{4, 3}, m.outputShapes().getFirst());
        Tensor xe = random(DType.FLOAT64, 1, 2, 5, 3);
        Tensor xd = random(DType.FLOAT64, 2, 2, 4, 3);
        Tensor target = random(DType.FLOAT64, 3, 2, 4, 3);
        List<Masked> out = m.forwardAll(List.of(Masked.of(xe), Masked.of(xd)), Context.inference());
        assertArrayEquals(new int[]{2, 4, 3}, out.getFirst().value().value().shape());
        GradientCheck.Result r = GradientCheck.assertPasses("seq2seq graph", () -> m.forwardAll(
                List.of(Masked.of(xe), Masked.of(xd)), Context.inference()).getFirst().value()
                .mul(Variable.constant(target)).sum(), m.parameters());
        assertTrue(r.passed());
        assertEquals(2 * 4 * 4 * (3 + 4 + 1) + 4 * 3 + 3, m.parameters().stream().mapToLong(p -> p.value().size()).sum());
    }

    @Test
    void encoderStatesReachTheDecoder() {
        GraphModel m = seq2seq(3, 4);
        m.build(ctx(DType.FLOAT64), List.of(new int[]{5, 3}, new int[]{4, 3}));
        Tensor xd = random(DType.FLOAT64, 2, 1, 4, 3);
        Tensor a = m.predict(List.of(random(DType.FLOAT64, 1, 1, 5, 3), xd)).getFirst();
        Tensor b = m.predict(List.of(random(DType.FLOAT64, 9, 1, 5, 3), xd)).getFirst();
        assertTrue(a.maxAbsDiff(b) > 1e-6, "the decoder's output depends on the encoder's input");
    }

    @Test
    void aSharedLayerCountsOnce() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 3);
        Dense shared = new Dense(2);
        Node sum = Node.merge(new Add(), a.apply(shared), b.apply(shared));
        GraphModel m = new GraphModel("shared", List.of(a, b), List.of(sum));
        m.build(ctx(DType.FLOAT32));
        assertEquals(2, m.parameters().size());
        assertEquals(3 * 2 + 2, m.countParams());
        assertEquals(List.of("dense", "add"), m.layers().stream().map(l -> l.name()).toList());
        Tensor x = random(DType.FLOAT32, 1, 2, 3);
        Tensor y = m.predict(List.of(x, x)).getFirst();
        Tensor once = m.predict(List.of(x, Tensor.zeros(DType.FLOAT32, 2, 3))).getFirst();
        assertTrue(y.allClose(once.mul(Tensor.scalar(2.0).to(DType.FLOAT32)).sub(
                m.predict(List.of(Tensor.zeros(DType.FLOAT32, 2, 3), Tensor.zeros(DType.FLOAT32, 2, 3))).getFirst()), 1e-5, 1e-6));
    }

    @Test
    void layerNamesAreMadeUnique() {
        Node x = Input.of("x", 3);
        Node y = x.apply(new Dense(4)).apply(new Dense(2));
        GraphModel m = new GraphModel("names", List.of(x), List.of(y));
        assertEquals(List.of("dense", "dense_1"), m.layers().stream().map(l -> l.name()).toList());
    }

    @Test
    void concatenateJoinsMasksAlongTimeAndAndsThemAlongFeatures() {
        Node a = Input.of("a", 2, 1);
        Node b = Input.of("b", 2, 1);
        Node time = Node.merge(new Concatenate(1), a, b);
        Node features = Node.merge(new Concatenate(), a, b);
        GraphModel m = new GraphModel("masks", List.of(a, b), List.of(time, features));
        m.build(ctx(DType.FLOAT32));
        assertArrayEquals(new int[]{4, 1}, m.outputShapes().get(0));
        assertArrayEquals(new int[]{2, 2}, m.outputShapes().get(1));
        Tensor mask = Tensor.of(new float[]{1, 0}, 1, 2);
        List<Masked> out = m.forwardAll(List.of(new Masked(Variable.constant(Tensor.zeros(1, 2, 1)), mask),
                Masked.of(Tensor.zeros(1, 2, 1))), Context.inference());
        assertArrayEquals(new float[]{1, 0, 1, 1}, out.get(0).mask().contiguous().floats());
        assertArrayEquals(new float[]{1, 0}, out.get(1).mask().contiguous().floats());
    }

    @Test
    void summaryHasAConnectedToColumn() {
        GraphModel m = seq2seq(8, 16);
        m.build(ctx(DType.FLOAT32));
        String rule = "_".repeat(98) + "\n";
        String expected = "Model: \"seq2seq\"\n" + rule
                + "Layer (type)                    Output Shape         Param #     Connected to                     \n"
                + "=".repeat(98) + "\n"
                + "encoder_inputs (InputLayer)     [(None, None, 8)]    0                                            \n" + rule
                + "decoder_inputs (InputLayer)     [(None, None, 8)]    0                                            \n" + rule
                + "lstm (LSTM)                     [(None, 16), (None,  1600        encoder_inputs[0][0]             \n" + rule
                + "lstm_1 (LSTM)                   (None, None, 16)     1600        decoder_inputs[0][0]             \n"
                + "                                                                 lstm[0][1]                       \n"
                + "                                                                 lstm[0][2]                       \n" + rule
                + "dense (Dense)                   (None, None, 8)      136         lstm_1[0][0]                     \n"
                + "=".repeat(98) + "\n"
                + "Total params: 3,336\nTrainable params: 3,336\nNon-trainable params: 0\n" + rule;
        assertEquals(expected, m.summary());
    }

    @Test
    void configurationRebuildsAnEqualModel() {
        GraphModel m = seq2seq(3, 4);
        m.build(ctx(DType.FLOAT32), List.of(new int[]{5, 3}, new int[]{4, 3}));
        GraphModel copy = GraphConfig.fromJson(m.spec());
        copy.build(ctx(DType.FLOAT32), GraphConfig.builtShapes(com.google.gson.JsonParser.parseString(m.spec())
                .getAsJsonObject()));
        assertEquals(m.spec(), copy.spec());
        assertEquals(m.summary().replace("seq2seq", "x"), copy.summary().replace("seq2seq", "x"));
    }

    @Test
    void singleInputSingleOutputIsAModel() {
        Node x = Input.of("x", 3);
        GraphModel m = new GraphModel("one", List.of(x), List.of(x.apply(new Dense(2))));
        assertArrayEquals(new int[]{2}, m.build(ctx(DType.FLOAT32), 3));
        assertArrayEquals(new int[]{3}, m.inputShape());
        assertArrayEquals(new int[]{4, 2}, m.forward(Masked.of(Tensor.zeros(4, 3)), Context.inference()).value().value().shape());
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void anInputMissingFromTheInputsIsAnError() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 3);
        var e = assertThrows(IllegalArgumentException.class, () -> new GraphModel("m", List.of(a),
                List.of(Node.merge(new Add(), a, b))));
        assertEquals("model m: the outputs depend on input 'b', which is not among the model's inputs [a]; add it to"
                + " the inputs list", e.getMessage());
    }

    @Test
    void anUnusedInputIsAnError() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 3);
        var e = assertThrows(IllegalArgumentException.class, () -> new GraphModel("m", List.of(a, b),
                List.of(a.apply(new Dense(1)))));
        assertEquals("model m: input 'b' is not used by any output; remove it from the inputs or connect it", e.getMessage());
    }

    @Test
    void mergeShapeMismatchNamesTheLayerAndBothShapes() {
        Node a = Input.of("a", 5);
        Node b = Input.of("b", 6);
        GraphModel add = new GraphModel("m", List.of(a, b), List.of(Node.merge(new Add(), a, b)));
        var e = assertThrows(IllegalArgumentException.class, () -> add.build(ctx(DType.FLOAT32)));
        assertEquals("Add layer add needs inputs of one shape but received (None, 5) and (None, 6)", e.getMessage());
        Node c = Input.of("c", 2, 5);
        GraphModel cat = new GraphModel("m", List.of(a, c), List.of(Node.merge(new Concatenate(), a, c)));
        e = assertThrows(IllegalArgumentException.class, () -> cat.build(ctx(DType.FLOAT32)));
        assertEquals("Concatenate layer concatenate along axis -1 needs inputs of equal shape except on that axis but"
                + " received (None, 5) and (None, 2, 5)", e.getMessage());
    }

    @Test
    void wrongInitialStateShapeNamesTheLayer() {
        Node enc = Input.of("enc", 2, 3);
        List<Node> e = Node.call(new Lstm(5, RecurrentOptions.DEFAULTS.withReturnState(true)), enc);
        Node dec = Input.of("dec", 2, 3);
        Node out = Node.call(new Lstm(4), dec, e.get(1), e.get(2)).getFirst();
        GraphModel m = new GraphModel("m", List.of(enc, dec), List.of(out));
        var ex = assertThrows(IllegalArgumentException.class, () -> m.build(ctx(DType.FLOAT32)));
        assertEquals("LSTM layer lstm_1: initial state h from lstm[1] has shape (None, 5) but the layer has 4 units,"
                + " so it needs (None, 4)", ex.getMessage());
    }

    @Test
    void callErrors() {
        Node x = Input.of("x", 2, 3);
        assertEquals("LSTM layer lstm needs an initial state of 2 nodes (h, c) but got 1", assertThrows(
                IllegalArgumentException.class, () -> Node.call(new Lstm(4), x, x)).getMessage());
        assertEquals("Dense layer dense takes no initial state; only SimpleRNN, LSTM and GRU layers do", assertThrows(
                IllegalArgumentException.class, () -> Node.call(new Dense(4), x, x)).getMessage());
        assertEquals("Add layer add merges several inputs; call it with Node.merge(layer, a, b, ...)", assertThrows(
                IllegalArgumentException.class, () -> x.apply(new Add())).getMessage());
        assertEquals("Add needs at least 2 inputs but got 1", assertThrows(
                IllegalArgumentException.class, () -> Node.merge(new Add(), x)).getMessage());
        assertEquals("Concatenate axis 0 is the batch; join along a feature or time axis (axis >= 1, or negative from"
                + " the end, e.g. -1)", assertThrows(IllegalArgumentException.class, () -> new Concatenate(0)).getMessage());
    }

    @Test
    void inputAndModelErrors() {
        assertEquals("Input x has shape (None, 0) with a dimension 0; dimensions are positive, or -1 when unknown",
                assertThrows(IllegalArgumentException.class, () -> Input.of("x", 0)).getMessage());
        assertEquals("Input name must not be blank, got ' '",
                assertThrows(IllegalArgumentException.class, () -> Input.of(" ", 1)).getMessage());
        assertEquals("Input x needs a shape (batch excluded), e.g. Input.of(\"x\", -1, 8)",
                assertThrows(IllegalArgumentException.class, () -> Input.of("x")).getMessage());
        GraphModel m = seq2seq(3, 4);
        assertEquals("outputShapes: model seq2seq is not built yet; call build(ctx) or build(ctx, shapes) first",
                assertThrows(IllegalStateException.class, m::outputShapes).getMessage());
        assertEquals("summary: model seq2seq is not built yet, so its output shapes and weights are unknown; call"
                + " build(ctx) or build(ctx, shapes) first", assertThrows(IllegalStateException.class, m::summary).getMessage());
        assertEquals("build: model seq2seq has 2 inputs [encoder_inputs, decoder_inputs]; use the list form (build(ctx,"
                + " shapes), forwardAll, inputShapes)", assertThrows(IllegalArgumentException.class,
                () -> m.build(ctx(DType.FLOAT32), 5, 3)).getMessage());
        assertEquals("model seq2seq has 2 inputs [encoder_inputs, decoder_inputs] but build got 1 shapes", assertThrows(
                IllegalArgumentException.class, () -> m.build(ctx(DType.FLOAT32), List.of(new int[]{5, 3}))).getMessage());
        assertEquals("model seq2seq: input 'encoder_inputs' was declared with shape (None, None, 3) but is built for"
                + " (None, 5, 4)", assertThrows(IllegalArgumentException.class, () -> m.build(ctx(DType.FLOAT32),
                List.of(new int[]{5, 4}, new int[]{5, 3}))).getMessage());
        m.build(ctx(DType.FLOAT32), List.of(new int[]{5, 3}, new int[]{4, 3}));
        assertEquals("model seq2seq has 2 inputs [encoder_inputs, decoder_inputs] but received 1 batches", assertThrows(
                IllegalArgumentException.class, () -> m.forwardAll(List.of(Masked.of(Tensor.zeros(1, 5, 3))),
                        Context.inference())).getMessage());
        assertEquals("model seq2seq: input 'encoder_inputs' was built for shape (None, 5, 3) but received a batch of"
                + " shape [1, 5, 2]", assertThrows(IllegalArgumentException.class, () -> m.forwardAll(List.of(
                Masked.of(Tensor.zeros(1, 5, 2)), Masked.of(Tensor.zeros(1, 4, 3))), Context.inference())).getMessage());
        assertEquals("model m needs at least one input and one output, got 0 inputs and 0 outputs", assertThrows(
                IllegalArgumentException.class, () -> new GraphModel("m", List.of(), List.of())).getMessage());
        Node x = Input.of("x", 3);
        Node y = x.apply(new Dense(1));
        assertEquals("model m has two inputs named 'x'", assertThrows(IllegalArgumentException.class,
                () -> new GraphModel("m", List.of(x, Input.of("x", 3)), List.of(y))).getMessage());
        assertSame(x, new GraphModel("m", List.of(x), List.of(y)).inputs().getFirst());
    }

    @Test
    void moreModelErrors() {
        Node x = Input.of("x", 3);
        Node y = x.apply(new Dense(1));
        assertEquals("model m: Node(dense output 0) is listed as an input but is a layer's output; model inputs are made"
                + " with Input.of(name, shape)", assertThrows(IllegalArgumentException.class,
                () -> new GraphModel("m", List.of(y), List.of(y))).getMessage());
        Node z = x.apply(new Dense(2));
        GraphModel m = new GraphModel("m", List.of(x), List.of(y, z));
        m.build(ctx(DType.FLOAT32));
        assertEquals("shape: Input(w, [3]) is not part of model m", assertThrows(IllegalArgumentException.class,
                () -> m.shape(Input.of("w", 3))).getMessage());
        assertEquals("outputShape: model m has 2 outputs; use the list form (forwardAll, outputShapes)", assertThrows(
                IllegalArgumentException.class, m::outputShape).getMessage());
        assertEquals("Add layer add merges several inputs; it runs in a GraphModel (Node.merge(layer, a, b)), not in a"
                + " Sequential model", assertThrows(IllegalStateException.class,
                () -> new Add().forward(Masked.of(Tensor.zeros(1, 3)), Context.inference())).getMessage());
        GraphModel cat = new GraphModel("c", List.of(x), List.of(Node.merge(new Concatenate(2), x, x)));
        assertEquals("Concatenate layer concatenate joins along axis 2 but its inputs have rank 2 (batch included)",
                assertThrows(IllegalArgumentException.class, () -> cat.build(ctx(DType.FLOAT32))).getMessage());
    }

    @Test
    void configurationErrors() {
        Node x = Input.of("x", 3);
        String json = new GraphModel("m", List.of(x), List.of(x.apply(new Dense(1)))).spec();
        assertEquals("{\"name\":\"m\",\"inputs\":[{\"name\":\"x\",\"shape\":[3]}],\"layers\":[{\"name\":\"dense\","
                + "\"spec\":\"Dense(1)\"}],\"calls\":[{\"layer\":\"dense\",\"inputs\":[[\"x\",0,0]],\"initial_state\":[]}],"
                + "\"outputs\":[[\"dense\",0,0]]}", json);
        assertEquals("graph configuration: a call names layer 'nope', which is not among its layers [dense]", assertThrows(
                IllegalArgumentException.class, () -> GraphConfig.fromJson(json.replace("\"layer\":\"dense\"",
                        "\"layer\":\"nope\""))).getMessage());
        assertEquals("graph configuration: reference [dense, 1, 0] names no input and no earlier layer output",
                assertThrows(IllegalArgumentException.class, () -> GraphConfig.fromJson(json.replace("\"outputs\":[[\"dense\",0",
                        "\"outputs\":[[\"dense\",1"))).getMessage());
        assertEquals("graph configuration: layer specification \"Dense(1) Dense(2)\" must describe one layer",
                assertThrows(IllegalArgumentException.class, () -> GraphConfig.layer("Dense(1) Dense(2)")).getMessage());
        assertEquals("Concatenate(axis=1)", ((Concatenate) GraphConfig.layer("Concatenate(axis=1)")).spec());
        assertEquals(-1, ((Concatenate) GraphConfig.layer("Concatenate")).axis());
    }

    @Test
    void aSharedLayerListsEveryCallInTheSummary() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 3);
        Dense shared = new Dense(2);
        GraphModel m = new GraphModel("s", List.of(a, b), List.of(a.apply(shared), b.apply(shared)));
        m.build(ctx(DType.FLOAT32));
        String rule = "_".repeat(98) + "\n";
        assertEquals("Model: \"s\"\n" + rule
                + "Layer (type)                    Output Shape         Param #     Connected to                     \n"
                + "=".repeat(98) + "\n"
                + "a (InputLayer)                  [(None, 3)]          0                                            \n" + rule
                + "b (InputLayer)                  [(None, 3)]          0                                            \n" + rule
                + "dense (Dense)                   (None, 2)            8           a[0][0]                          \n"
                + "                                                                 b[0][0]                          \n"
                + "=".repeat(98) + "\n"
                + "Total params: 8\nTrainable params: 8\nNon-trainable params: 0\n" + rule, m.summary());
    }
}
