package dev.recur.train;

import dev.recur.autodiff.Parameter;
import dev.recur.loss.MeanSquaredError;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit / evaluate / predict on problems whose answer is known. */
class TrainerFitTest {

    @Test
    void linearRegressionRecoversTheWeights() {
        Tensor x = Problems.linearX(64, 1);
        Tensor y = Problems.linearY(x);
        Sequential model = Problems.linearModel();
        Trainer trainer = Trainer.compile(model, new MeanSquaredError(), Adam.defaults().withLearningRate(0.05), Metrics.mae());
        History h = trainer.fit(x, y, FitOptions.defaults().withEpochs(150).withBatchSize(16).withSeed(3));

        Tensor kernel = model.parameters().get(0).value(); // [3, 1]
        Tensor bias = model.parameters().get(1).value();   // [1]
        for (int j = 0; j < Problems.W.length; j++) {
            assertEquals(Problems.W[j], kernel.get(j, 0), 1e-3, "kernel[" + j + "]");
        }
        assertEquals(Problems.B, bias.get(0), 1e-3, "bias");
        double[] loss = h.get("loss");
        assertEquals(150, loss.length);
        assertTrue(loss[149] < 1e-6, "final loss " + loss[149]);
        assertTrue(loss[149] < loss[0] / 1000, "loss fell from " + loss[0] + " to " + loss[149]);
        assertEquals(List.of("loss", "mae"), h.keys());
    }

    @Test
    void classifierLearnsBlobsWithClassIndexTargets() {
        Tensor[] data = Problems.blobs(90, 5);
        Trainer trainer = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(),
                Adam.defaults().withLearningRate(0.05), Metrics.accuracy());
        History h = trainer.fit(data[0], data[1], FitOptions.defaults().withEpochs(30).withBatchSize(10)
                .withValidationSplit(0.2));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), h.keys());
        assertTrue(h.last("accuracy") > 0.95, "accuracy " + h.last("accuracy"));
        assertTrue(h.last("val_accuracy") > 0.9, "val_accuracy " + h.last("val_accuracy"));
        assertTrue(h.last("loss") < h.get("loss")[0]);

        Tensor p = trainer.predict(data[0], 7);
        assertArrayEquals(new int[]{90, 3}, p.shape());
        Map<String, Double> eval = trainer.evaluate(data[0], data[1], 32);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(eval.keySet()));
        int right = 0;
        int[] predicted = p.argmax();
        for (int i = 0; i < 90; i++) {
            right += predicted[i] == (int) data[1].get(i) ? 1 : 0;
        }
        assertEquals(right / 90.0, eval.get("accuracy"), 1e-12, "evaluate's accuracy is the accuracy of predict");
    }

    @Test
    void classIndicesWithATrailingDimensionOfOneAreAccepted() {
        Tensor[] data = Problems.blobs(30, 2);
        Trainer a = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults());
        Trainer b = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults());
        FitOptions o = FitOptions.defaults().withEpochs(2).withBatchSize(8);
        History ha = a.fit(data[0], data[1], o);
        History hb = b.fit(data[0], data[1].reshape(30, 1), o);
        assertEquals(ha.epochs(), hb.epochs());
    }

    @Test
    void evaluateWeighsBatchesBySizeLikeOneBigBatch() {
        Tensor x = Problems.linearX(50, 4);
        Tensor y = Problems.linearY(x).add(Tensor.scalar(0.5)); // a model far from exact: large losses
        Trainer trainer = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults(), Metrics.mse());
        trainer.fit(x, y, FitOptions.defaults().withEpochs(1).withBatchSize(50));
        Map<String, Double> whole = trainer.evaluate(x, y, 50);
        Map<String, Double> batched = trainer.evaluate(x, y, 7); // 7 batches of 7 and one of 1
        assertEquals(whole.get("loss"), batched.get("loss"), 1e-6 * whole.get("loss"));
        assertEquals(whole.get("loss"), whole.get("mse"), 1e-6 * whole.get("loss"));
        assertEquals(whole.get("mse"), batched.get("mse"), 1e-6 * whole.get("mse"));
    }

    @Test
    void predictMatchesTheModelOnEachSampleAndSplitsBatches() {
        Tensor x = Problems.linearX(10, 8);
        Trainer trainer = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults());
        trainer.fit(x, Problems.linearY(x), FitOptions.defaults().withBatchSize(10));
        Tensor all = trainer.predict(x, 10);
        Tensor batched = trainer.predict(x, 3);
        assertArrayEquals(new int[]{10, 1}, batched.shape());
        assertEquals(0.0, all.maxAbsDiff(batched));
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        Tensor[] data = Problems.blobs(40, 9);
        FitOptions o = FitOptions.defaults().withEpochs(3).withBatchSize(8).withSeed(11);
        float[] a = run(data, o);
        float[] b = run(data, o);
        float[] c = run(data, o.withSeed(12));
        assertArrayEquals(a, b);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
    }

    @Test
    void validationSplitHoldsOutTheLastSamplesBeforeShuffling() {
        Tensor[] data = Problems.blobs(50, 6);
        FitOptions o = FitOptions.defaults().withEpochs(3).withBatchSize(8).withSeed(1);
        Trainer a = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults(),
                Metrics.accuracy());
        Trainer b = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults(),
                Metrics.accuracy());
        History split = a.fit(data[0], data[1], o.withValidationSplit(0.2)); // 40 train, last 10 validation
        History given = b.fit(data[0].slice(0, 0, 40), data[1].slice(0, 0, 40),
                o.withValidationData(data[0].slice(0, 40, 50), data[1].slice(0, 40, 50)));
        assertEquals(given.epochs(), split.epochs());
    }

    @Test
    void unshuffledEpochsVisitSamplesInOrder() {
        Tensor x = Problems.linearX(12, 2);
        Tensor y = Problems.linearY(x);
        List<Integer> seen = new java.util.ArrayList<>();
        Metric recordFirstTarget = Metric.of("first", (p, t) -> {
            seen.add((int) Math.round(t.get(0, 0) * 1e4));
            return 0;
        });
        Trainer trainer = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults(), recordFirstTarget);
        trainer.fit(x, y, FitOptions.defaults().withBatchSize(4).withShuffle(false));
        assertEquals(List.of(key(y, 0), key(y, 4), key(y, 8)), seen);
    }

    private static int key(Tensor y, int i) {
        return (int) Math.round(y.get(i, 0) * 1e4);
    }

    private static float[] run(Tensor[] data, FitOptions o) {
        Sequential model = Problems.classifier();
        Trainer.compile(model, SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults()).fit(data[0], data[1], o);
        return weights(model.parameters());
    }

    static float[] weights(List<Parameter> parameters) {
        int n = parameters.stream().mapToInt(p -> p.value().size()).sum();
        float[] out = new float[n];
        int at = 0;
        for (Parameter p : parameters) {
            float[] w = p.value().toFloatArray();
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length;
        }
        return out;
    }
}
