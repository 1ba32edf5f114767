package dev.recur.cli;

import dev.recur.optim.Adagrad;
import dev.recur.optim.Adam;
import dev.recur.optim.AdamW;
import dev.recur.optim.GradientClipping;
import dev.recur.optim.RmsProp;
import dev.recur.optim.Sgd;
import dev.recur.train.Callback;
import dev.recur.train.FitOptions;
import dev.recur.train.callbacks.EarlyStopping;
import dev.recur.train.callbacks.TerminateOnNaN;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared training options turned into fit options, an optimizer and callbacks. */
class TrainingOptionsTest {

    @TempDir
    Path dir;

    /** A command that only carries the mixin, as every training command does. */
    @Command(name = "fake")
    static final class Fake implements Runnable {
        @Mixin
        TrainingOptions training = new TrainingOptions();

        @Override
        public void run() {
        }
    }

    private TrainingRun prepare(String... args) {
        Fake fake = new Fake();
        new CommandLine(fake).parseArgs(args);
        return fake.training.prepare(new PrintWriter(new StringWriter()));
    }

    private String out() {
        return dir.resolve("m.safetensors").toString();
    }

    @Test
    void defaults() {
        TrainingRun run = prepare("--out", out());
        FitOptions fit = run.fitOptions();
        assertEquals(10, fit.epochs());
        assertEquals(32, fit.batchSize());
        assertEquals(0L, fit.seed());
        assertEquals(0.0, fit.validationSplit());
        assertNull(fit.clipping());
        assertNull(fit.checkpoints());
        assertNull(fit.resumeFrom());
        assertEquals(Adam.defaults(), run.optimizer());
        assertEquals(List.of(TerminateOnNaN.class, HistoryFiles.class, ProgressListener.class), classes(fit.callbacks()));
    }

    @Test
    void everyOption() {
        Path checkpoints = dir.resolve("ckpt");
        Path history = dir.resolve("hist");
        TrainingRun run = prepare("--epochs", "7", "--batch-size", "16", "--optimizer", "SGD", "--lr", "0.1",
                "--clip-norm", "2.5", "--seed", "42", "--validation-split", "0.1", "--patience", "3",
                "--checkpoint-dir", checkpoints.toString(), "--checkpoint-every", "5", "--history", history.toString(),
                "--quiet", "--out", out());
        FitOptions fit = run.fitOptions();
        assertEquals(7, fit.epochs());
        assertEquals(16, fit.batchSize());
        assertEquals(42L, fit.seed());
        assertEquals(0.1, fit.validationSplit());
        assertEquals(GradientClipping.byGlobalNorm(2.5), fit.clipping());
        assertEquals(new FitOptions.Checkpointing(checkpoints, 5), fit.checkpoints());
        assertEquals(Sgd.defaults().withLearningRate(0.1), run.optimizer());
        assertEquals(List.of(TerminateOnNaN.class, EarlyStopping.class, HistoryFiles.class, ProgressListener.class),
                classes(fit.callbacks()));
        EarlyStopping early = (EarlyStopping) fit.callbacks().get(1);
        assertEquals("EarlyStopping(Config[monitor=Monitor[key=val_loss, mode=MIN], minDelta=0.0, patience=3,"
                + " restoreBestWeights=true])", early.toString());
        assertEquals(ProgressListener.Mode.QUIET, ((ProgressListener) fit.callbacks().get(3)).mode());
        assertTrue(Files.isDirectory(checkpoints) && Files.isDirectory(history), "directories created up front");
    }

    @Test
    void withoutValidationPatienceWatchesTheTrainingLoss() {
        TrainingRun run = prepare("--patience", "0", "--out", out());
        assertTrue(run.fitOptions().callbacks().get(1).toString().contains("key=loss"), run.fitOptions().toString());
        Fake fake = new Fake();
        new CommandLine(fake).parseArgs("--patience", "2", "--out", out());
        TrainingRun withData = fake.training.prepare(new PrintWriter(new StringWriter()), true);
        assertTrue(withData.fitOptions().callbacks().get(1).toString().contains("key=val_loss"));
    }

    @Test
    void everyOptimizerByNameWithItsDefaultsOrTheGivenRate() {
        assertEquals(Sgd.defaults(), prepare("--optimizer", "sgd", "--out", out()).optimizer());
        assertEquals(RmsProp.defaults(), prepare("--optimizer", "rmsprop", "--out", out()).optimizer());
        assertEquals(AdamW.defaults().withLearningRate(0.003), prepare("--optimizer", "AdamW", "--lr", "0.003",
                "--out", out()).optimizer());
        assertEquals(Adagrad.defaults().withLearningRate(0.5), prepare("--optimizer", "adagrad", "--lr", "0.5",
                "--out", out()).optimizer());
        assertInstanceOf(Adam.class, prepare("--optimizer", " adam ", "--out", out()).optimizer());
    }

    @Test
    void resumeContinuesFromTheCheckpointDirectory() throws Exception {
        Path checkpoints = Files.createDirectories(dir.resolve("ckpt"));
        Files.writeString(checkpoints.resolve(FitOptions.Checkpointing.FILE_NAME), "stands in for a checkpoint");
        FitOptions fit = prepare("--checkpoint-dir", checkpoints.toString(), "--resume", "--out", out()).fitOptions();
        assertEquals(checkpoints, fit.resumeFrom());
        assertEquals(TrainingOptions.EPOCH_ENDS_ONLY, fit.checkpoints().everySteps());
    }

    /** A command that trains for longer by default. */
    @Command(name = "long")
    static final class LongRun implements Runnable {
        @Mixin
        TrainingOptions training = new TrainingOptions(20, 64);

        @Override
        public void run() {
        }
    }

    @Test
    void aCommandMayChangeTheDefaultsAndTheHelpSaysSo() {
        String help = new CommandLine(new LongRun()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(help.contains("Passes over the training data (default: 20)."), help);
        assertTrue(help.contains("Samples per optimizer step (default: 64)."), help);
        for (String option : List.of("--epochs", "--batch-size", "--optimizer", "--lr", "--clip-norm", "--seed",
                "--validation-split", "--patience", "--out", "--checkpoint-dir", "--checkpoint-every", "--resume",
                "--history", "--quiet")) {
            assertTrue(help.contains(option), option + " in " + help);
        }
    }

    private static List<Class<?>> classes(List<Callback> callbacks) {
        return callbacks.stream().<Class<?>>map(Object::getClass).toList();
    }
}
