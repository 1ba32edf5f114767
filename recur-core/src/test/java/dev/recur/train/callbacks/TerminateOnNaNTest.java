package dev.recur.train.callbacks;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.loss.Loss;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.optim.GradientClipping;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.ModelFile;
import dev.recur.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A NaN loss stops the run before its update; the last checkpoint, written before it, survives and says so. */
class TerminateOnNaNTest {

    @TempDir
    Path dir;

    private final Tensor x = Tensor.uniform(new SplittableRandom(1), DType.FLOAT32, -1, 1, 20, 2);
    private final Tensor y = x.sum(1).reshape(20, 1);

    /** Mean squared error that turns NaN at the {@code bad}-th training step. */
    private static Loss nanAtStep(int bad) {
        Loss mse = new MeanSquaredError();
        int[] steps = {0};
        return (p, t, w) -> {
            Variable loss = mse.apply(p, t, w);
            return GradMode.isEnabled() && ++steps[0] == bad ? loss.mul(Double.NaN) : loss;
        };
    }

    @Test
    void stopsAtTheBadBatchAndKeepsTheLastGoodCheckpoint() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), nanAtStep(7), Adam.defaults());
        TerminateOnNaN terminate = new TerminateOnNaN();
        Path run = dir.resolve("run");
        History h = t.fit(x, y, FitOptions.defaults().withEpochs(5).withBatchSize(5).withCheckpoints(run, 1)
                .withCallbacks(terminate));
        Path file = run.resolve("checkpoint.safetensors");
        assertEquals("TerminateOnNaN: batch 3 of epoch 2 had loss NaN; training stopped without applying it. The last"
                + " good checkpoint is " + file + " (epoch 2, after step 2). Possible cause: a learning rate too high, or"
                + " exploding gradients; lower the rate or clip gradients", h.stopReason().orElseThrow());
        assertEquals(h.stopReason().orElseThrow(), terminate.message());
        assertEquals(1, h.size(), "epoch 1 finished; the interrupted epoch 2 is not recorded");
        assertEquals(6, t.optimizer().iterations(), "six updates, the seventh was not applied");
        ModelFile.Loaded checkpoint = ModelFile.load(file); // a checkpoint loads as a model too
        for (int i = 0; i < 2; i++) {
            assertEquals(0.0, t.model().parameters().get(i).value().maxAbsDiff(checkpoint.model().parameters().get(i).value()),
                    "the model still holds the weights of the last good checkpoint");
        }
    }

    @Test
    void saysWhenNoCheckpointWasWritten() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), nanAtStep(1), Adam.defaults());
        History h = t.fit(x, y, FitOptions.defaults().withBatchSize(5).withCallbacks(new TerminateOnNaN()));
        assertEquals("TerminateOnNaN: batch 1 of epoch 1 had loss NaN; training stopped without applying it. No checkpoint"
                + " was written in this run (use FitOptions.withCheckpoints to keep one). Possible cause: a learning rate"
                + " too high, or exploding gradients; lower the rate or clip gradients", h.stopReason().orElseThrow());
        assertEquals(0, h.size());
    }

    @Test
    void aNonFiniteGradientWithAFiniteLossStopsToo() {
        // sqrt(sum((p - p)^2)) is 0, but its gradient is 0 * infinity = NaN
        Loss nanGradient = (p, t, w) -> p.sub(p.detach()).square().sum().sqrt();
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), nanGradient, Adam.defaults());
        History h = t.fit(x, y, FitOptions.defaults().withBatchSize(5).withClipping(GradientClipping.byGlobalNorm(1))
                .withCallbacks(new TerminateOnNaN()));
        assertEquals("TerminateOnNaN: batch 1 of epoch 1 had gradient norm NaN; training stopped without applying it. No"
                + " checkpoint was written in this run (use FitOptions.withCheckpoints to keep one). Possible cause: a"
                + " learning rate too high, or exploding gradients; lower the rate or clip gradients",
                h.stopReason().orElseThrow());
        assertEquals(0, t.optimizer().iterations());
    }

    @Test
    void withoutTheCallbackBadBatchesAreSkippedAndTheEpochLossShowsIt() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), nanAtStep(2), Adam.defaults());
        History h = t.fit(x, y, FitOptions.defaults().withEpochs(2).withBatchSize(5));
        assertEquals(2, h.size());
        assertEquals(Double.NaN, h.get("loss")[0]);
        assertEquals(true, Double.isFinite(h.get("loss")[1]));
        assertEquals(7, t.optimizer().iterations(), "8 batches, the NaN one not applied");
    }
}
