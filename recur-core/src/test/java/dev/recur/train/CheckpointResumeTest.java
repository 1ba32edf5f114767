package dev.recur.train;

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
}
