package dev.recur.train;

import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.loss.Predictions;
import dev.recur.optim.Adam;
import dev.recur.optim.ExponentialDecay;
import dev.recur.optim.GradientClipping;
import dev.recur.tensor.Tensor;
import dev.recur.train.callbacks.CsvLogger;
import dev.recur.train.callbacks.EarlyStopping;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The run that resume tests interrupt and continue: a noisy classifier (random draws every batch),
 * validation split, class weights, clipping, a schedule, metrics, early stopping and a CSV log,
 * checkpointed every 2 steps. 50 samples: 40 to train in 5 batches of 8, 10 to validate.
 */
final class ResumableRun {

    static final int EPOCHS = 6;
    static final int STEPS_PER_EPOCH = 5;
    static final long SEED = 77;

    private ResumableRun() {
    }

    static Trainer trainer() {
        return Trainer.compile(Problems.noisyClassifier(), SparseCategoricalCrossEntropy.fromLogits(),
                Adam.defaults().withLearningRate(0.05), Metrics.accuracy(), Metrics.perplexity(Predictions.LOGITS));
    }

    static Tensor[] data() {
        return Problems.blobs(50, 21);
    }

    static FitOptions options(Path checkpoints, Path csv, Probe probe, boolean restoreBest) {
        return FitOptions.defaults().withEpochs(EPOCHS).withBatchSize(8).withSeed(SEED).withValidationSplit(0.2)
                .withClassWeights(1.0, 2.0, 0.5)
                .withClipping(GradientClipping.byGlobalNorm(1.0))
                .withSchedule(new ExponentialDecay(0.05, 10, 0.9))
                .withCheckpoints(checkpoints, 2)
                .withData("three Gaussian blobs, 50 samples")
                .withCallbacks(probe,
                        new EarlyStopping(EarlyStopping.Config.defaults().withPatience(100).withRestoreBestWeights(restoreBest)),
                        new CsvLogger(csv));
    }

    /** Runs to the end (or to a crash) and returns the history. */
    static History fit(Trainer trainer, FitOptions options) {
        Tensor[] d = data();
        return trainer.fit(d[0], d[1], options);
    }

    /**
     * A test callback: optionally slows each step down and reports it on a stream (for the kill
     * test), and optionally crashes after a given step (for the in-process test).
     */
    static final class Probe implements Callback {
        private final long sleepMillis;
        private final int crashAfterStep; // 1-based global step, or -1
        private final PrintStream out;    // or null
        private String firstBatch;        // "epoch batch" of the first step this run took

        Probe(long sleepMillis, int crashAfterStep, PrintStream out) {
            this.sleepMillis = sleepMillis;
            this.crashAfterStep = crashAfterStep;
            this.out = out;
        }

        /** The 0-based epoch and batch of the first step this run took, e.g. {@code "1 3"}. */
        String firstBatch() {
            return firstBatch;
        }

        static Probe quiet() {
            return new Probe(0, -1, null);
        }

        @Override
        public void onTrainBegin(TrainingContext context) {
            if (out != null) {
                out.println("begin " + context.lastCheckpoint().map(c -> c.epoch() + " " + c.step()).orElse("fresh"));
                out.flush();
            }
        }

        @Override
        public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
            int step = epoch * context.stepsPerEpoch() + batch + 1;
            if (firstBatch == null) {
                firstBatch = epoch + " " + batch;
            }
            if (out != null) {
                out.println("step " + epoch + " " + batch);
                out.flush();
            }
            if (step == crashAfterStep) {
                throw new SimulatedCrash(step);
            }
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int step) {
            super("simulated crash after step " + step);
        }
    }
}
