package dev.recur.train;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Activation;
import dev.recur.nn.Dense;
import dev.recur.nn.graph.Concatenate;
import dev.recur.nn.graph.GraphModel;
import dev.recur.nn.graph.Input;
import dev.recur.nn.graph.Node;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphTrainingTest {

    @TempDir
    Path dir;

    private static Tensor random(long seed, int... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(DType.FLOAT32, shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, rng.nextDouble(-1, 1));
        }
        return t;
    }

    /** Two inputs [3] and [2], concatenated, one output: y = sum(x1) - 2 * sum(x2). */
    private static GraphModel twoInputs() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 2);
        Node y = Node.merge(new Concatenate(), a, b).apply(new Dense(8, Activation.TANH)).apply(new Dense(1));
        return new GraphModel("two_inputs", List.of(a, b), List.of(y));
    }

    private static Tensor target(Tensor x1, Tensor x2) {
        return x1.sum(1).sub(x2.sum(1).mul(Tensor.scalar(2.0).to(DType.FLOAT32))).reshape(x1.dim(0), 1);
    }

    @Test
    void aTwoInputModelTrains() {
        Tensor x1 = random(1, 64, 3);
        Tensor x2 = random(2, 64, 2);
        Trainer t = Trainer.compile(twoInputs(), List.of(OutputLoss.of(new MeanSquaredError())),
                Adam.defaults().withLearningRate(0.02));
        History h = t.fit(List.of(x1, x2), List.of(target(x1, x2)), FitOptions.defaults().withEpochs(30).withBatchSize(16));
        double[] loss = h.get("loss");
        assertTrue(loss[loss.length - 1] < 0.2 * loss[0], "loss " + loss[0] + " -> " + loss[loss.length - 1]);
        Map<String, Double> eval = t.evaluate(List.of(x1, x2), List.of(target(x1, x2)), 64);
        assertEquals(List.of("loss"), List.copyOf(eval.keySet()));
        assertArrayEquals(new int[]{64, 1}, t.predict(List.of(x1, x2), 10).getFirst().shape());
    }

    @Test
    void aTwoOutputModelTrainsOnTheWeightedSumOfItsLosses() {
        Node x = Input.of("x", 4);
        Node hidden = x.apply(new Dense(8, Activation.TANH));
        Node sum = hidden.apply(new Dense(1));
        Node pair = hidden.apply(new Dense(2));
        GraphModel m = new GraphModel("two_outputs", List.of(x), List.of(sum, pair));
        Tensor xs = random(3, 64, 4);
        Tensor y1 = xs.sum(1).reshape(64, 1);
        Tensor y2 = xs.slice(1, 0, 2).mul(Tensor.scalar(-1.0).to(DType.FLOAT32));
        Trainer t = Trainer.compile(m, List.of(OutputLoss.of(new MeanSquaredError(), 1.0),
                OutputLoss.of(new MeanSquaredError(), 0.5)), Adam.defaults().withLearningRate(0.02));
        History h = t.fit(List.of(xs), List.of(y1, y2), FitOptions.defaults().withEpochs(30).withBatchSize(16)
                .withValidationSplit(0.25));
        assertEquals(List.of("loss", "dense_1_loss", "dense_2_loss", "val_loss", "val_dense_1_loss", "val_dense_2_loss"),
                h.keys());
        double[] loss = h.get("loss");
        assertTrue(loss[loss.length - 1] < 0.2 * loss[0], "loss " + loss[0] + " -> " + loss[loss.length - 1]);
        Map<String, Double> eval = t.evaluate(List.of(xs), List.of(y1, y2), 64);
        assertEquals(eval.get("dense_1_loss") + 0.5 * eval.get("dense_2_loss"), eval.get("loss"), 1e-6);
    }

    @Test
    void aSingleInputSingleOutputGraphTrainsThroughTheTensorFit() {
        Node x = Input.of("x", 5, 2);
        Node y = x.apply(new Lstm(4)).apply(new Dense(1));
        GraphModel m = new GraphModel("one", List.of(x), List.of(y));
        Tensor xs = random(4, 32, 5, 2);
        Tensor ys = xs.sum(1).sum(1).reshape(32, 1);
        Trainer t = Trainer.compile(m, new MeanSquaredError(), Adam.defaults().withLearningRate(0.02));
        double[] loss = t.fit(xs, ys, FitOptions.defaults().withEpochs(20).withBatchSize(8)).get("loss");
        assertTrue(loss[loss.length - 1] < 0.5 * loss[0], "loss " + loss[0] + " -> " + loss[loss.length - 1]);
    }

    @Test
    void aSavedGraphLoadsAndPredictsIdentically() {
        Node enc = Input.of("enc", -1, 3);
        List<Node> e = Node.call(new Lstm(4, RecurrentOptions.DEFAULTS.withReturnState(true)), enc);
        Node dec = Input.of("dec", -1, 3);
        Node seq = Node.call(new Lstm(4, RecurrentOptions.DEFAULTS.withReturnSequences(true)), dec, e.get(1), e.get(2))
                .getFirst();
        GraphModel m = new GraphModel("s2s", List.of(enc, dec), List.of(seq.apply(new Dense(3, Activation.SOFTMAX))));
        Tensor xe = random(5, 8, 6, 3);
        Tensor xd = random(6, 8, 4, 3);
        Tensor yd = random(7, 8, 4, 3).abs();
        Trainer t = Trainer.compile(m, List.of(OutputLoss.of(new MeanSquaredError())), Adam.defaults());
        t.fit(List.of(xe, xd), List.of(yd), FitOptions.defaults().withEpochs(1).withBatchSize(4));
        Path file = dir.resolve("s2s.safetensors");
        ModelFile.save(m, file, ModelFile.Provenance.unknown());
        ModelFile.Loaded loaded = ModelFile.load(file);
        GraphModel back = (GraphModel) loaded.model();
        assertEquals(null, loaded.inputShape());
        assertEquals(m.summary(), back.summary());
        Tensor before = m.predict(List.of(xe, xd)).getFirst();
        Tensor after = back.predict(List.of(xe, xd)).getFirst();
        assertEquals(0.0, before.maxAbsDiff(after));
    }

    @Test
    void checkpointsResumeToTheSameWeights() {
        Tensor x1 = random(1, 32, 3);
        Tensor x2 = random(2, 32, 2);
        List<Tensor> ys = List.of(target(x1, x2));
        FitOptions base = FitOptions.defaults().withEpochs(3).withBatchSize(8).withSeed(11);
        GraphModel whole = twoInputs();
        Trainer.compile(whole, List.of(OutputLoss.of(new MeanSquaredError())), Adam.defaults())
                .fit(List.of(x1, x2), ys, base);
        GraphModel first = twoInputs();
        Trainer.compile(first, List.of(OutputLoss.of(new MeanSquaredError())), Adam.defaults())
                .fit(List.of(x1, x2), ys, base.withEpochs(1).withCheckpoints(dir, 3));
        GraphModel resumed = twoInputs();
        Trainer.compile(resumed, List.of(OutputLoss.of(new MeanSquaredError())), Adam.defaults())
                .fit(List.of(x1, x2), ys, base.withResumeFrom(dir));
        for (int i = 0; i < whole.weights().size(); i++) {
            assertEquals(0.0, whole.weights().get(i).value().maxAbsDiff(resumed.weights().get(i).value()));
        }
    }

    @Test
    void errors() {
        GraphModel m = twoInputs();
        Trainer t = Trainer.compile(m, List.of(OutputLoss.of(new MeanSquaredError())), Adam.defaults());
        Tensor x = random(1, 8, 3);
        assertEquals("fit: model two_inputs has 2 inputs [a, b] but received 1 input tensors; pass one per input, in"
                + " the order of the model's inputs", assertThrows(IllegalArgumentException.class,
                () -> t.fit(List.of(x), List.of(random(2, 8, 1)), FitOptions.defaults())).getMessage());
        assertEquals("fit: model two_inputs has 1 outputs but received 2 target tensors; pass one per output",
                assertThrows(IllegalArgumentException.class, () -> t.fit(List.of(x, random(3, 8, 2)),
                        List.of(random(2, 8, 1), random(2, 8, 1)), FitOptions.defaults())).getMessage());
        assertEquals("fit: model two_inputs has 2 inputs and 1 outputs; pass lists, fit(List.of(x1, x2), List.of(y1,"
                + " ...), options), after compile(model, List.of(OutputLoss.of(loss), ...), optimizer)", assertThrows(
                IllegalArgumentException.class, () -> t.fit(x, random(2, 8, 1), FitOptions.defaults())).getMessage());
        assertEquals("compile: model two_inputs has 1 outputs but got 2 losses; give one OutputLoss per output, in order",
                assertThrows(IllegalArgumentException.class, () -> Trainer.compile(m, List.of(OutputLoss.of(
                        new MeanSquaredError()), OutputLoss.of(new MeanSquaredError())), Adam.defaults())).getMessage());
        assertEquals("OutputLoss: weight must be finite and at least 0 but got -1.0", assertThrows(
                IllegalArgumentException.class, () -> OutputLoss.of(new MeanSquaredError(), -1)).getMessage());
        assertEquals("fit: a model of several inputs or outputs takes validationSplit but not validation data or class"
                + " weights yet; use withValidationSplit", assertThrows(IllegalArgumentException.class,
                () -> t.fit(List.of(x, random(3, 8, 2)), List.of(random(2, 8, 1)), FitOptions.defaults()
                        .withValidationData(x, x))).getMessage());
        Trainer seq = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        assertEquals("fit: lists of inputs and targets need a GraphModel compiled with compile(model,"
                + " List.of(OutputLoss.of(loss), ...), optimizer)", assertThrows(IllegalArgumentException.class,
                () -> seq.fit(List.of(x), List.of(x), FitOptions.defaults())).getMessage());
        assertEquals("predict: a list of inputs needs a GraphModel, but the model is Sequential; pass one tensor",
                assertThrows(IllegalArgumentException.class, () -> {
                    seq.fit(x, random(2, 8, 1), FitOptions.defaults().withEpochs(1).withBatchSize(4));
                    seq.predict(List.of(x), 4);
                }).getMessage());
    }

    @Test
    void fileAndSplitErrors() {
        GraphModel m = twoInputs();
        Trainer t = Trainer.compile(m, List.of(OutputLoss.of(new MeanSquaredError())), Adam.defaults());
        Tensor x1 = random(1, 8, 3);
        Tensor x2 = random(2, 8, 2);
        assertEquals("fit: validationSplit 0.01 of 8 samples holds out no sample; raise it to at least 0.125", assertThrows(
                IllegalArgumentException.class, () -> t.fit(List.of(x1, x2), List.of(target(x1, x2)),
                        FitOptions.defaults().withValidationSplit(0.01))).getMessage());
        t.fit(List.of(x1, x2), List.of(target(x1, x2)), FitOptions.defaults().withEpochs(1).withBatchSize(4));
        Path file = dir.resolve("bad.safetensors");
        var w = dev.recur.io.SafeTensors.writer();
        m.weights().forEach(p -> w.put(p.name(), p.value()));
        w.putMetadata(dev.recur.io.SafeTensors.CONFIG_KEY, ModelFile.configJson(m).replace("float32", "float16"));
        w.write(file);
        assertEquals("Cannot load " + file + ": its graph configuration cannot be rebuilt: dtype \"float16\" is neither"
                + " float32 nor float64. Possible cause: the file was saved by a release with other layers, or edited",
                assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file)).getMessage());
    }
}
