package dev.recur.train.callbacks;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.ModelFile;
import dev.recur.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.recur.train.callbacks.MonitorTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCheckpointTest {

    @TempDir
    Path dir;

    private final Tensor x = Tensor.uniform(new SplittableRandom(1), DType.FLOAT32, -1, 1, 20, 2);
    private final Tensor y = x.sum(1).reshape(20, 1);

    @Test
    void savesEveryEpochUnderItsNumber() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        t.fit(x, y, FitOptions.defaults().withEpochs(3).withBatchSize(10).withSeed(4).withData("sums")
                .withCallbacks(ModelCheckpoint.everyEpoch(dir.resolve("model-{epoch}.safetensors"))));
        for (int e = 1; e <= 3; e++) {
            assertTrue(Files.exists(dir.resolve("model-" + e + ".safetensors")), "epoch " + e);
        }
        ModelFile.Loaded last = ModelFile.load(dir.resolve("model-3.safetensors"));
        assertEquals(new ModelFile.Provenance(4L, "sums"), last.provenance());
        assertEquals(0.0, t.model().parameters().getFirst().value().maxAbsDiff(last.model().parameters().getFirst().value()));
    }

    @Test
    void bestOnlySavesImprovements() {
        FakeContext ctx = new FakeContext("loss", "val_loss");
        ModelCheckpoint mc = ModelCheckpoint.bestOnly(dir.resolve("best-{epoch}.safetensors"), "val_loss");
        mc.onTrainBegin(ctx);
        double[] values = {3, 2, 2.5, 1};
        for (int e = 0; e < values.length; e++) {
            mc.onEpochEnd(e, Map.of("loss", 0.0, "val_loss", values[e]), ctx);
        }
        assertTrue(Files.exists(dir.resolve("best-1.safetensors")));
        assertTrue(Files.exists(dir.resolve("best-2.safetensors")));
        assertFalse(Files.exists(dir.resolve("best-3.safetensors")), "2.5 is no improvement on 2");
        assertTrue(Files.exists(dir.resolve("best-4.safetensors")));
        assertEquals(1.0, mc.best());
        ModelCheckpoint resumed = ModelCheckpoint.bestOnly(dir.resolve("again.safetensors"), "val_loss");
        resumed.onTrainBegin(ctx);
        resumed.loadState(mc.state());
        resumed.onEpochEnd(4, Map.of("val_loss", 1.5), ctx);
        assertFalse(Files.exists(dir.resolve("again.safetensors")), "the best value carried over");
        assertEquals(Map.of(), ModelCheckpoint.everyEpoch(dir.resolve("m")).state());
    }

    @Test
    void anUnwritablePathFailsBeforeTraining() {
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        Path missing = dir.resolve("no/such/dir/model.safetensors");
        String m = message(() -> t.fit(x, y, FitOptions.defaults().withBatchSize(10)
                .withCallbacks(ModelCheckpoint.everyEpoch(missing))));
        assertEquals("Cannot write " + missing + ": the directory " + missing.getParent() + " does not exist. Create it"
                + " first (mkdir -p " + missing.getParent() + ") or choose another path.", m);
        assertEquals(0, t.optimizer().iterations());
        assertEquals("ModelCheckpoint monitors \"val_loss\" but the logs will hold only [loss]. Possible cause: no"
                + " validation data; set validationSplit or validationData, or monitor \"loss\"", message(() ->
                t.fit(x, y, FitOptions.defaults().withBatchSize(10)
                        .withCallbacks(ModelCheckpoint.bestOnly(dir.resolve("b.safetensors"), "val_loss")))));
    }
}
