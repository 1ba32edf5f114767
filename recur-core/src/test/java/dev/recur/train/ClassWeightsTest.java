package dev.recur.train;

import dev.recur.loss.BinaryCrossEntropy;
import dev.recur.loss.CategoricalCrossEntropy;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Class weights (Keras's {@code class_weight}) weigh each sample's loss by its class. One step on
 * the whole data set reports the loss at the initial weights, checked against a hand computation.
 */
class ClassWeightsTest {

    private static final double[] WEIGHTS = {1.0, 2.0, 0.5};
    private static final long SEED = 5;

    /** The loss of the first (only) step: the weighted mean of -log softmax(logits)[class]. */
    private static double expectedLoss(Tensor x, Tensor classes) {
        Sequential twin = Problems.classifier();
        twin.build(new BuildContext(DType.FLOAT32, new RandomStreams(SEED).init()), 2);
        Tensor logits = twin.predict(x);
        Tensor logProbabilities = logits.logSoftmax();
        double sum = 0;
        for (int i = 0; i < x.dim(0); i++) {
            int c = (int) classes.get(i);
            sum += -WEIGHTS[c] * logProbabilities.get(i, c);
        }
        return sum / x.dim(0); // the mean over the elements, not over the weights (Keras)
    }

    private static FitOptions oneStep() {
        return FitOptions.defaults().withBatchSize(30).withSeed(SEED).withShuffle(false).withClassWeights(WEIGHTS);
    }

    @Test
    void classIndexTargetsAreWeighedByTheirClass() {
        Tensor[] d = Problems.blobs(30, 2);
        Trainer t = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults());
        assertEquals(expectedLoss(d[0], d[1]), t.fit(d[0], d[1], oneStep()).last("loss"), 1e-6);
    }

    @Test
    void oneHotTargetsAreWeighedByTheirArgmax() {
        Tensor[] d = Problems.blobs(30, 2);
        Tensor oneHot = Tensor.zeros(30, 3);
        for (int i = 0; i < 30; i++) {
            oneHot.set(1, i, (int) d[1].get(i));
        }
        Trainer t = Trainer.compile(Problems.classifier(), CategoricalCrossEntropy.fromLogits(), Adam.defaults());
        assertEquals(expectedLoss(d[0], d[1]), t.fit(d[0], oneHot, oneStep()).last("loss"), 1e-6);
    }

    @Test
    void aSingleOutputHasClassesZeroAndOne() {
        Tensor x = Problems.linearX(8, 3);
        Tensor labels = Tensor.of(new float[]{0, 1, 1, 0, 1, 0, 0, 1}, 8, 1);
        Sequential model = new Sequential(new Dense(1));
        Trainer t = Trainer.compile(model, BinaryCrossEntropy.fromLogits(), Adam.defaults());
        double loss = t.fit(x, labels, FitOptions.defaults().withBatchSize(8).withSeed(SEED).withClassWeights(3, 1))
                .last("loss");
        Sequential twin = new Sequential(new Dense(1));
        twin.build(new BuildContext(DType.FLOAT32, new RandomStreams(SEED).init()), 3);
        Tensor z = twin.predict(x);
        double sum = 0;
        for (int i = 0; i < 8; i++) {
            double zi = z.get(i, 0);
            double y = labels.get(i, 0);
            double bce = Math.max(zi, 0) - zi * y + Math.log1p(Math.exp(-Math.abs(zi))); // stable BCE from logits
            sum += (y == 0 ? 3 : 1) * bce;
        }
        assertEquals(sum / 8, loss, 1e-6);
    }
}
