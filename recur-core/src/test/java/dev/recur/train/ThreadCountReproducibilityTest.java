package dev.recur.train;

import dev.recur.kernel.Parallel;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One seed reproduces a training run bit for bit whatever the thread count: every kernel splits
 * its work by output blocks and reduces in a fixed order (DESIGN.md "Speed").
 */
class ThreadCountReproducibilityTest {

    /** Large enough that the recurrent and output products really split over two threads. */
    private static final String SPEC = "Input(12, 16) LSTM(96, return_sequences=true, dropout=0.1) GRU(64) Dense(8)";

    @Test
    void oneAndTwoThreadsTrainIdenticalWeights() {
        SplittableRandom rng = new SplittableRandom(7);
        Tensor x = Tensor.uniform(rng, DType.FLOAT32, -1, 1, 96, 12, 16);
        Tensor y = Tensor.uniform(rng, DType.FLOAT32, -1, 1, 96, 8);
        List<float[]> one = train(1, x, y);
        List<float[]> two = train(2, x, y);
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), "weight " + i + " differs between 1 and 2 threads");
        }
    }

    private static List<float[]> train(int threads, Tensor x, Tensor y) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Sequential model = LayerRegistry.parseModel(SPEC).model();
            Trainer trainer = Trainer.compile(model, new MeanSquaredError(), Adam.defaults());
            trainer.fit(x, y, FitOptions.defaults().withEpochs(2).withBatchSize(32).withSeed(11));
            List<float[]> weights = new ArrayList<>();
            model.parameters().forEach(p -> weights.add(p.value().toFloatArray()));
            return weights;
        } finally {
            Parallel.setThreads(before);
        }
    }
}
