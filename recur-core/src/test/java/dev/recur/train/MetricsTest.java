package dev.recur.train;

import dev.recur.loss.MeanSquaredError;
import dev.recur.loss.Predictions;
import dev.recur.nn.Sequential;
import dev.recur.nn.Dense;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.recur.train.FitOptionsTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each built-in metric on values checked by hand, masks, custom metrics, and the errors. */
class MetricsTest {

    private static Tensor t(float[] v, int... shape) {
        return Tensor.of(v, shape);
    }

    @Test
    void accuracyTakesTheArgmaxAgainstIndicesOrOneHotRows() {
        Tensor p = t(new float[]{0.1f, 0.7f, 0.2f, 0.9f, 0.05f, 0.05f, 0.3f, 0.3f, 0.4f, 0.2f, 0.5f, 0.3f}, 4, 3);
        Tensor indices = t(new float[]{1, 0, 0, 2}, 4); // right, right, wrong, wrong
        assertEquals(0.5, Metrics.accuracy().batchValue(p, indices, null));
        Tensor oneHot = t(new float[]{0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1}, 4, 3);
        assertEquals(0.5, Metrics.accuracy().batchValue(p, oneHot, null));
        assertEquals(2.0 / 3, Metrics.accuracy().batchValue(p, t(new float[]{1, 0, -100, 2}, 4), null), 1e-15,
                "an ignored index (-100) is skipped, as the loss skips it");
    }

    @Test
    void metricsAverageOverUnmaskedStepsOnly() {
        // [batch 1, time 3, classes 2]; step 2 masked
        Tensor p = t(new float[]{1, 0, 0, 1, 1, 0}, 1, 3, 2);
        Tensor y = t(new float[]{0, 0, 1}, 1, 3); // right, wrong, (masked: wrong)
        Tensor mask = t(new float[]{1, 1, 0}, 1, 3);
        assertEquals(0.5, Metrics.accuracy().batchValue(p, y, mask));
        assertEquals(1.0 / 3, Metrics.accuracy().batchValue(p, y, null), 1e-15);
        assertEquals(0.0, Metrics.accuracy().batchValue(p, y, t(new float[]{0, 0, 0}, 1, 3)), "fully masked: 0");
    }

    @Test
    void binaryAccuracyThresholdsEachOutput() {
        Tensor probabilities = t(new float[]{0.9f, 0.4f, 0.6f, 0.1f}, 4, 1);
        Tensor labels = t(new float[]{1, 1, 0, 0}, 4, 1);
        assertEquals(0.5, Metrics.binaryAccuracy().batchValue(probabilities, labels, null));
        Tensor logits = t(new float[]{2, -0.5f, 0.3f, -1}, 4, 1);
        assertEquals(0.5, Metrics.binaryAccuracy(0).batchValue(logits, labels, null));
        Tensor two = t(new float[]{0.9f, 0.1f, 0.2f, 0.8f}, 2, 2);
        assertEquals(0.75, Metrics.binaryAccuracy().batchValue(two, t(new float[]{1, 0, 1, 1}, 2, 2), null));
        assertEquals("binary_accuracy", Metrics.binaryAccuracy().name());
    }

    @Test
    void mseAndMaeMeanOverTheLastDimensionThenTheElements() {
        Tensor p = t(new float[]{1, 2, 3, 4}, 2, 2);
        Tensor y = t(new float[]{1, 0, 0, 4}, 2, 2); // errors 0, 2, 3, 0
        assertEquals((0 + 4 + 9 + 0) / 4.0, Metrics.mse().batchValue(p, y, null));
        assertEquals((0 + 2 + 3 + 0) / 4.0, Metrics.mae().batchValue(p, y, null));
    }

    @Test
    void perplexityIsTheExponentialOfTheMeanCrossEntropy() {
        Metric fromLogits = Metrics.perplexity(Predictions.LOGITS);
        Tensor uniform = Tensor.zeros(5, 7);
        double ce = fromLogits.batchValue(uniform, t(new float[]{0, 3, 6, 2, 1}, 5), null);
        assertEquals(Math.log(7), ce, 1e-6);
        assertEquals(7.0, fromLogits.result(ce), 1e-5, "uniform over 7 classes: perplexity 7");
        Metric fromProbabilities = Metrics.perplexity(Predictions.PROBABILITIES);
        Tensor p = t(new float[]{0.5f, 0.25f, 0.25f}, 1, 3);
        assertEquals(2.0, fromProbabilities.result(fromProbabilities.batchValue(p, t(new float[]{0}, 1), null)), 1e-6);
        assertEquals(2.0, fromProbabilities.result(fromProbabilities.batchValue(p, t(new float[]{1, 0, 0}, 1, 3), null)), 1e-6);
    }

    @Test
    void perplexityOfAnEpochIsNotTheMeanOfPerplexities() {
        Tensor[] data = Problems.blobs(30, 3);
        Trainer trainer = Trainer.compile(Problems.classifier(), dev.recur.loss.SparseCategoricalCrossEntropy.fromLogits(),
                Adam.defaults(), Metrics.perplexity(Predictions.LOGITS));
        trainer.fit(data[0], data[1], FitOptions.defaults().withBatchSize(30));
        Map<String, Double> eval = trainer.evaluate(data[0], data[1], 7); // 4 batches of 7, one of 2
        assertEquals(Math.exp(eval.get("loss")), eval.get("perplexity"), 1e-5,
                "exp of the batch-size-weighted mean cross-entropy, which the loss also is");
    }

    @Test
    void aCustomMetricLastStepMse() {
        // a Dense(1) on sequences [N, 4, 3] acts on every step; the metric looks at the last one only
        Tensor x = Problems.linearX(24, 5).reshape(6, 4, 3);
        Tensor y = Problems.linearY(Problems.linearX(24, 5)).add(Tensor.scalar(0.25)).reshape(6, 4, 1);
        Metric lastStepMse = Metric.of("last_step_mse", (predictions, targets) -> {
            Tensor d = predictions.select(1, predictions.dim(1) - 1).sub(targets.select(1, targets.dim(1) - 1));
            return d.square().mean().item();
        });
        Trainer trainer = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults(), lastStepMse);
        History h = trainer.fit(x, y, FitOptions.defaults().withEpochs(2).withBatchSize(3));
        assertEquals(java.util.List.of("loss", "last_step_mse"), h.keys());
        Tensor p = trainer.predict(x, 6);
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            double d = p.get(i, 3, 0) - y.get(i, 3, 0);
            expected += d * d / 6;
        }
        assertEquals(expected, trainer.evaluate(x, y, 2).get("last_step_mse"), 1e-6);
        assertEquals("Metric(last_step_mse)", lastStepMse.toString());
    }

    @Test
    void errors() {
        assertEquals("Metric.of: the name must not be blank; it is the metric's key in the logs",
                message(() -> Metric.of(" ", (p, y) -> 0)));
        assertEquals("Metric.of: the name 'loss' is reserved (the logs use 'loss' and 'val_' + name for validation);"
                + " choose another name", message(() -> Metric.of("loss", (p, y) -> 0)));
        assertEquals("Metric.of: the name 'val_acc' is reserved (the logs use 'loss' and 'val_' + name for validation);"
                + " choose another name", message(() -> Metric.of("val_acc", (p, y) -> 0)));
        assertEquals("accuracy: the model gives 1 output per element, but accuracy takes the argmax over one output per"
                + " class. For a single sigmoid or logit output use Metrics.binaryAccuracy()",
                message(() -> Metrics.accuracy().check(new int[]{1}, new int[]{1})));
        assertEquals("accuracy: targets of shape [5, 2] fit neither predictions of shape [5, 3] (one-hot rows) nor their"
                + " class indices [5] (batch excluded)", message(() -> Metrics.accuracy().check(new int[]{5, 3}, new int[]{5, 2})));
        assertEquals("mse: targets of shape [] do not match predictions of shape [1] (batch excluded); give one target per"
                + " output", message(() -> Metrics.mse().check(new int[]{1}, new int[0])));
        assertEquals("binary_accuracy: targets of shape [] do not match predictions of shape [3] (batch excluded); binary"
                + " accuracy compares each output with its own 0/1 target",
                message(() -> Metrics.binaryAccuracy().check(new int[]{3}, new int[0])));
        assertEquals("binaryAccuracy: threshold must be finite but got NaN; use 0.5 for probabilities, 0 for logits",
                message(() -> Metrics.binaryAccuracy(Double.NaN)));
        assertEquals("perplexity: kind must be Predictions.LOGITS or PROBABILITIES",
                org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                        () -> Metrics.perplexity(null)).getMessage());
        Trainer t = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults(), Metrics.accuracy());
        Tensor x = Problems.linearX(4, 1);
        assertEquals("accuracy: the model gives 1 output per element, but accuracy takes the argmax over one output per"
                + " class. For a single sigmoid or logit output use Metrics.binaryAccuracy()",
                message(() -> t.fit(x, Problems.linearY(x), FitOptions.defaults().withBatchSize(4))));
    }
}
