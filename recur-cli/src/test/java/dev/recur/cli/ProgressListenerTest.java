package dev.recur.cli;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.Sgd;
import dev.recur.tensor.Tensor;
import dev.recur.train.Callback;
import dev.recur.train.FitOptions;
import dev.recur.train.Metrics;
import dev.recur.train.Trainer;
import dev.recur.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress output of a real training run in each mode, and across a resumed run. */
class ProgressListenerTest {

    private static final String VALUES = "loss: \\d\\.\\d{4} - mae: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4} - val_mae: \\d\\.\\d{4}";

    @TempDir
    Path dir;

    private final Tensor x;
    private final Tensor y;

    ProgressListenerTest() {
        float[][] rows = Cli.regression(16, 9);
        float[] xs = new float[16 * 3];
        float[] ys = new float[16];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(rows[i], 0, xs, 3 * i, 3);
            ys[i] = rows[i][3];
        }
        x = Tensor.of(xs, 16, 3);
        y = Tensor.of(ys, 16, 1);
    }

    /** Two epochs of 3 steps (12 training samples in batches of 4, 4 for validation) with these callbacks. */
    private void fit(FitOptions options, Callback... callbacks) {
        Trainer trainer = Trainer.compile(LayerRegistry.parseModel("Dense(1)").model(), new MeanSquaredError(),
                Sgd.defaults(), Metrics.mae());
        trainer.fit(x, y, options.withEpochs(2).withBatchSize(4).withValidationSplit(0.25).withCallbacks(callbacks));
    }

    private static String run(ProgressListener.Mode mode, ProgressListenerTest test) {
        StringWriter out = new StringWriter();
        test.fit(FitOptions.defaults(), new ProgressListener(mode, new PrintWriter(out), 200));
        return out.toString();
    }

    @Test
    void aTerminalGetsAnEpochLineAndABarEndingInTheEpochSummary() {
        String out = run(ProgressListener.Mode.BAR, this);
        assertTrue(out.startsWith("Training on 12 samples, validating on 4; 3 steps per epoch\nEpoch 1/2\n"), out);
        // a redraw shorter than the line before it ("1ms/step" after "960us/step") is padded with spaces
        String summary = "\\r3/3 \\[={30}] - \\d+\\.\\ds \\d+(ms|us)/step - " + VALUES + " *\\n";
        assertTrue(out.matches("(?s).*Epoch 1/2\\n.*" + summary + "Epoch 2/2\\n.*" + summary), out);
        assertFalse(out.contains("Epoch 1/2 - "), "no plain lines: " + out);
    }

    @Test
    void redirectedOutputGetsOneLinePerEpoch() {
        String out = run(ProgressListener.Mode.LINES, this);
        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertEquals("Training on 12 samples, validating on 4; 3 steps per epoch", lines[0]);
        assertTrue(lines[1].matches("Epoch 1/2 - \\d+\\.\\ds - " + VALUES), lines[1]);
        assertTrue(lines[2].matches("Epoch 2/2 - \\d+\\.\\ds - " + VALUES), lines[2]);
        assertFalse(out.contains("\r"), out);
    }

    @Test
    void quietPrintsNothing() {
        assertEquals("", run(ProgressListener.Mode.QUIET, this));
        assertEquals(ProgressListener.Mode.QUIET, ProgressListener.Mode.detect(true));
        assertTrue(ProgressListener.Mode.detect(false) != ProgressListener.Mode.QUIET);
    }

    /** Stops the run once, at a given batch, as a kill would. */
    static final class StopAt implements Callback {
        private final int epoch;
        private final int batch;

        StopAt(int epoch, int batch) {
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public void onBatchEnd(int e, int b, Map<String, Double> logs, TrainingContext context) {
            if (e == epoch && b == batch) {
                context.stopTraining("stopped by the test");
            }
        }
    }

    @Test
    void aRunStoppedMidEpochEndsItsBarAndTheResumedRunStartsItsBarWhereItResumes() {
        StringWriter first = new StringWriter();
        FitOptions checkpoints = FitOptions.defaults().withCheckpoints(dir, 1);
        fit(checkpoints, new StopAt(1, 1), new ProgressListener(ProgressListener.Mode.BAR, new PrintWriter(first), 200));
        assertTrue(first.toString().contains("Epoch 2/2\n"), first.toString());
        assertTrue(first.toString().endsWith("\n"), "the interrupted bar's line is ended: " + first);

        StringWriter second = new StringWriter();
        fit(checkpoints.withResumeFrom(dir), new StopAt(-1, -1),
                new ProgressListener(ProgressListener.Mode.BAR, new PrintWriter(second), 200));
        String out = second.toString();
        assertTrue(out.startsWith("Training on 12 samples, validating on 4; 3 steps per epoch\nResuming from "
                + dir.resolve("checkpoint.safetensors") + " (epoch 2, after step 1)\nEpoch 2/2\n"), out);
        assertFalse(out.contains("Epoch 1/2"), out);
        assertTrue(out.matches("(?s).*\\r3/3 \\[={30}] - \\d+\\.\\ds \\d+(ms|us)/step - " + VALUES + "\\n"), out);
    }
}
