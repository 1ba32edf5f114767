package dev.recur.train;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.loss.Loss;
import dev.recur.loss.MeanSquaredError;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.callbacks.EarlyStopping;
import dev.recur.train.callbacks.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run that crashes and resumes from its last checkpoint ends exactly as the uninterrupted run. */
class CheckpointResumeTest {

    @TempDir
    Path dir;

    /**
     * Crash points (1-based global steps, 5 per epoch; a crash in onBatchEnd comes before that
     * step's checkpoint, so step 4's crash resumes after step 2): at an epoch's last step (5:
     * resumes after step 4), mid-epoch (7: after 6, in epoch 1), at the last step of epoch 1 (10:
     * after 8), and twice in one run (crash, resume, crash again, resume).
     */
    @ParameterizedTest
    @CsvSource({"4, -1, false, 0 2", "5, -1, false, 0 4", "7, -1, true, 1 1", "10, -1, false, 1 3", "3, 17, true, 3 1"})
    void resumedRunIsBitIdenticalToTheUninterruptedOne(int firstCrash, int secondCrash, boolean restoreBest,
                                                       String resumesAt) throws IOException {
        Trainer reference = ResumableRun.trainer();
        History expected = ResumableRun.fit(reference, ResumableRun.options(dir.resolve("ref"), dir.resolve("ref.csv"),
                ResumableRun.Probe.quiet(), restoreBest));

        Path run = dir.resolve("run");
        Path csv = dir.resolve("run.csv");
        assertThrows(ResumableRun.SimulatedCrash.class, () -> ResumableRun.fit(ResumableRun.trainer(),
                ResumableRun.options(run, csv, new ResumableRun.Probe(0, firstCrash, null), restoreBest)));
        if (secondCrash > 0) {
            assertThrows(ResumableRun.SimulatedCrash.class, () -> ResumableRun.fit(ResumableRun.trainer(),
                    ResumableRun.options(run, csv, new ResumableRun.Probe(0, secondCrash, null), restoreBest)
                            .withResumeFrom(run)));
        }
        Trainer resumed = ResumableRun.trainer(); // a new model and optimizer, as in a new process
        ResumableRun.Probe probe = ResumableRun.Probe.quiet();
        History actual = ResumableRun.fit(resumed, ResumableRun.options(run, csv, probe, restoreBest).withResumeFrom(run));
        assertEquals(resumesAt, probe.firstBatch(), "the last checkpoint before the crash: epoch and batch (0-based)");

        assertArrayEquals(TrainerFitTest.weights(reference.model().parameters()),
                TrainerFitTest.weights(resumed.model().parameters()));
        assertEquals(expected.epochs(), actual.epochs());
        assertEquals(ResumableRun.EPOCHS, actual.size());
        assertEquals(reference.optimizer().state().keySet(), resumed.optimizer().state().keySet());
        reference.optimizer().state().forEach((k, v) -> assertEquals(0.0, v.maxAbsDiff(resumed.optimizer().state().get(k)), k));
        assertEquals(Files.readString(dir.resolve("ref.csv")), Files.readString(csv));
        assertTrue(expected.last("accuracy") > 0.8, "the run learns: accuracy " + expected.last("accuracy"));
    }

    @Test
    void resumingAFinishedRunReturnsItsHistoryAndChangesNothing() {
        Path run = dir.resolve("done");
        Trainer first = ResumableRun.trainer();
        History h = ResumableRun.fit(first, ResumableRun.options(run, dir.resolve("a.csv"), ResumableRun.Probe.quiet(), false));
        Trainer again = ResumableRun.trainer();
        History resumed = ResumableRun.fit(again, ResumableRun.options(run, dir.resolve("b.csv"), ResumableRun.Probe.quiet(),
                false).withResumeFrom(run));
        assertEquals(h.epochs(), resumed.epochs());
        assertArrayEquals(TrainerFitTest.weights(first.model().parameters()), TrainerFitTest.weights(again.model().parameters()));
    }

    @Test
    void anEarlyStopIsRecordedAndAResumedRunStaysStopped() {
        Tensor x = Problems.linearX(20, 1);
        Tensor y = Problems.linearY(x);
        Path run = dir.resolve("stopped");
        FitOptions o = FitOptions.defaults().withEpochs(10).withBatchSize(5).withCheckpoints(run, 3)
                .withCallbacks(new EarlyStopping(EarlyStopping.Config.defaults().withMonitor("loss", Monitor.Mode.AUTO)
                        .withMinDelta(1e9)));
        Trainer first = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults());
        History h = first.fit(x, y, o);
        assertEquals(2, h.size());
        Trainer again = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults());
        History resumed = again.fit(x, y, o.withResumeFrom(run));
        assertEquals(h.epochs(), resumed.epochs());
        assertEquals(h.stopReason(), resumed.stopReason());
        assertEquals(0, again.optimizer().iterations() - first.optimizer().iterations(), "no step after the stop");
    }

    @Test
    void aNaNInTheHistorySurvivesACheckpoint() {
        Tensor x = Problems.linearX(20, 1);
        Tensor y = Problems.linearY(x);
        Loss mse = new MeanSquaredError();
        int[] steps = {0};
        Loss nanAtStep2 = (p, t, w) -> {
            Variable loss = mse.apply(p, t, w);
            return GradMode.isEnabled() && ++steps[0] == 2 ? loss.mul(Double.NaN) : loss;
        };
        Path run = dir.resolve("nan");
        FitOptions o = FitOptions.defaults().withEpochs(2).withBatchSize(5).withCheckpoints(run, 3);
        History h = Trainer.compile(Problems.linearModel(), nanAtStep2, Adam.defaults()).fit(x, y, o);
        assertTrue(Double.isNaN(h.get("loss")[0]));
        History resumed = Trainer.compile(Problems.linearModel(), nanAtStep2, Adam.defaults()).fit(x, y, o.withResumeFrom(run));
        assertEquals(h.epochs(), resumed.epochs());
    }
}
