package dev.recur.train.callbacks;

import dev.recur.loss.MeanSquaredError;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.Trainer;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static dev.recur.train.callbacks.MonitorTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Keras 3's EarlyStopping rules, replayed on given sequences of values. */
class EarlyStoppingTest {

    /** Feeds val_loss values epoch by epoch (weights set to the epoch number) until a stop; returns the callback. */
    private static EarlyStopping replay(EarlyStopping.Config config, FakeContext ctx, double... values) {
        EarlyStopping es = new EarlyStopping(config);
        es.onTrainBegin(ctx);
        for (int e = 0; e < values.length && ctx.stopReason == null; e++) {
            ctx.setWeights(e);
            es.onEpochEnd(e, Map.of("val_loss", values[e]), ctx);
        }
        es.onTrainEnd(null, ctx);
        return es;
    }

    @Test
    void stopsWhenTheWaitReachesPatience() {
        FakeContext ctx = new FakeContext("loss", "val_loss");
        EarlyStopping es = replay(EarlyStopping.Config.defaults().withPatience(2), ctx, 1.0, 0.9, 0.95, 0.93, 0.8);
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
        assertEquals(0.9, es.best());
        assertEquals("EarlyStopping: val_loss did not improve for 2 epochs (best 0.9 at epoch 2); stopped after epoch 4",
                ctx.stopReason);
        assertEquals(3.0, ctx.weight(), "without restoreBestWeights the last weights stay");
    }

    @Test
    void patienceZeroNeverStopsAtTheFirstEpoch() {
        FakeContext ctx = new FakeContext("val_loss");
        assertEquals(1, replay(EarlyStopping.Config.defaults(), ctx, 1.0, 2.0).stoppedEpoch());
        FakeContext once = new FakeContext("val_loss");
        assertEquals(-1, replay(EarlyStopping.Config.defaults(), once, Double.NaN).stoppedEpoch());
    }

    @Test
    void minDeltaDecidesWhatCountsAsAnImprovement() {
        FakeContext ctx = new FakeContext("val_loss");
        EarlyStopping es = replay(EarlyStopping.Config.defaults().withMinDelta(0.1).withPatience(1), ctx, 1.0, 0.95, 0.5);
        assertEquals(1, es.stoppedEpoch());
        assertEquals(1.0, es.best());
    }

    @Test
    void maxModeAndRestoringTheBestWeights() {
        FakeContext ctx = new FakeContext("val_loss");
        EarlyStopping es = replay(EarlyStopping.Config.defaults().withMonitor("val_loss", Monitor.Mode.MAX).withPatience(1)
                .withRestoreBestWeights(true), ctx, 0.2, 0.7, 0.6, 0.5);
        assertEquals(2, es.stoppedEpoch());
        assertEquals(1.0, ctx.weight(), "the weights of epoch 1, the best");
    }

    @Test
    void theBestWeightsAreRestoredEvenWithoutAStopAsInKeras3() {
        FakeContext ctx = new FakeContext("val_loss");
        EarlyStopping es = replay(EarlyStopping.Config.defaults().withPatience(5).withRestoreBestWeights(true), ctx,
                3.0, 1.0, 2.0);
        assertEquals(-1, es.stoppedEpoch());
        assertNull(ctx.stopReason);
        assertEquals(1.0, ctx.weight());
    }

    @Test
    void stateCarriesOverToANewInstance() {
        FakeContext ctx = new FakeContext("val_loss");
        EarlyStopping.Config config = EarlyStopping.Config.defaults().withPatience(2).withRestoreBestWeights(true);
        EarlyStopping first = new EarlyStopping(config);
        first.onTrainBegin(ctx);
        ctx.setWeights(0);
        first.onEpochEnd(0, Map.of("val_loss", 1.0), ctx);
        ctx.setWeights(1);
        first.onEpochEnd(1, Map.of("val_loss", 1.5), ctx);
        EarlyStopping second = new EarlyStopping(config);
        second.onTrainBegin(ctx);
        second.loadState(first.state());
        ctx.setWeights(2);
        second.onEpochEnd(2, Map.of("val_loss", 1.2), ctx);
        assertEquals(2, second.stoppedEpoch(), "the wait of 1 carried over, the third bad epoch stops");
        second.onTrainEnd(null, ctx);
        assertEquals(0.0, ctx.weight(), "the best weights (epoch 0) carried over");
    }

    @Test
    void stopsARealFit() {
        Tensor x = Tensor.uniform(new SplittableRandom(1), dev.recur.tensor.DType.FLOAT32, -1, 1, 20, 2);
        Tensor y = x.sum(1).reshape(20, 1);
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        History h = t.fit(x, y, FitOptions.defaults().withEpochs(10).withBatchSize(5).withCallbacks(
                new EarlyStopping(EarlyStopping.Config.defaults().withMonitor("loss", Monitor.Mode.AUTO).withMinDelta(1e9))));
        assertEquals(2, h.size(), "no improvement can be big enough: stops after the second epoch");
        assertEquals("EarlyStopping: loss did not improve for 1 epoch (best " + h.get("loss")[0] + " at epoch 1); stopped"
                + " after epoch 2", h.stopReason().orElseThrow());
        assertEquals("EarlyStopping monitors \"val_loss\" but the logs will hold only [loss]. Possible cause: no"
                + " validation data; set validationSplit or validationData, or monitor \"loss\"", message(() ->
                t.fit(x, y, FitOptions.defaults().withBatchSize(5).withCallbacks(new EarlyStopping(EarlyStopping.Config.defaults())))));
    }

    @Test
    void errors() {
        assertEquals("EarlyStopping: minDelta must be finite and >= 0 but got -0.1",
                message(() -> EarlyStopping.Config.defaults().withMinDelta(-0.1)));
        assertEquals("EarlyStopping: patience must be >= 0 but got -1",
                message(() -> EarlyStopping.Config.defaults().withPatience(-1)));
        EarlyStopping es = new EarlyStopping(EarlyStopping.Config.defaults());
        assertEquals("loadState: the saved state has no scalar 'wait' (keys: []); it was not written by this callback",
                message(() -> es.loadState(Map.of())));
    }
}
