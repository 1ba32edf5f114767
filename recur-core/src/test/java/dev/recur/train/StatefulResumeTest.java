package dev.recur.train;

import dev.recur.io.SafeTensors;
import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Dense;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A stateful model's carried state is part of its checkpoint: a run killed mid-epoch resumes from
 * the state the last batch left, and ends exactly as the uninterrupted run.
 */
class StatefulResumeTest {

    @TempDir
    Path dir;

    /** Throws after batch {@code (epoch, batch)}, before that step's checkpoint; -1 never. */
    public static final class Crash implements Callback {
        private final int epoch;
        private final int batch;

        Crash(int epoch, int batch) {
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public void onBatchEnd(int e, int b, Map<String, Double> logs, TrainingContext context) {
            if (e == epoch && b == batch) {
                throw new IllegalStateException("simulated crash");
            }
        }
    }

    private static Trainer trainer() {
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withReturnSequences(true).withStateful(true);
        return Trainer.compile(new Sequential(new Lstm(4, o), new Dense(1)), new MeanSquaredError(), Adam.defaults());
    }

    private FitOptions options(Path run, Crash crash, boolean truncated) {
        FitOptions o = FitOptions.defaults().withEpochs(2).withBatchSize(4).withShuffle(false).withSeed(9)
                .withCheckpoints(run, 1).withCallbacks(crash);
        return truncated ? o.withTruncatedBptt(2, 2) : o;
    }

    @Test
    void aStatefulRunResumedMidEpochEndsAsTheUninterruptedOne() {
        for (boolean truncated : new boolean[]{false, true}) {
            Tensor x = TruncatedBpttTest.data(1, 12, 5, 2); // 3 batches of 4 sequences per epoch
            Tensor y = TruncatedBpttTest.data(2, 12, 5, 1);
            Trainer reference = trainer();
            History expected = reference.fit(x, y, options(dir.resolve("ref" + truncated), new Crash(-1, -1), truncated));

            Path run = dir.resolve("run" + truncated);
            assertThrows(IllegalStateException.class,
                    () -> trainer().fit(x, y, options(run, new Crash(1, 2), truncated)));
            // the last checkpoint is after batch 1 of epoch 1: mid-epoch, with the LSTM's carried h and c
            List<String> names = SafeTensors.read(run.resolve(FitOptions.Checkpointing.FILE_NAME)).names();
            String layer = ((Sequential) reference.model()).layers().get(0).name();
            assertEquals(java.util.Set.of("@state/" + layer + "/h", "@state/" + layer + "/c"),
                    java.util.Set.copyOf(names.stream().filter(n -> n.startsWith("@state/")).toList()));

            Trainer resumed = trainer();
            History actual = resumed.fit(x, y, options(run, new Crash(-1, -1), truncated).withResumeFrom(run));
            assertArrayEquals(TrainerFitTest.weights(reference.model().parameters()),
                    TrainerFitTest.weights(resumed.model().parameters()), "truncated " + truncated);
            assertEquals(expected.epochs(), actual.epochs());
            Layer refLstm = ((Sequential) reference.model()).layers().get(0);
            Layer resLstm = ((Sequential) resumed.model()).layers().get(0);
            assertNotNull(((RecurrentLayer) refLstm).carriedState());
            assertEquals(0.0, ((RecurrentLayer) refLstm).carriedState().c().value()
                    .maxAbsDiff(((RecurrentLayer) resLstm).carriedState().c().value()));
        }
    }
}
