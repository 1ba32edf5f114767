package dev.recur.train;

import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.Activation;
import dev.recur.nn.Dense;
import dev.recur.nn.Dropout;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.recur.train.FitOptionsTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resumed run must be the run that wrote the checkpoint; anything else is refused before training. */
class ResumeErrorsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private Path run;
    private Path file;

    /** One checkpoint of a finished 2-epoch run, copied into each test's directory. */
    @BeforeAll
    static void writeACheckpoint() {
        Path first = shared.resolve("run");
        ResumableRun.fit(ResumableRun.trainer(), ResumableRun.options(first, shared.resolve("log.csv"),
                ResumableRun.Probe.quiet(), false).withEpochs(2));
    }

    @BeforeEach
    void copyTheCheckpoint() throws java.io.IOException {
        run = Files.createDirectories(dir.resolve("run"));
        file = run.resolve(FitOptions.Checkpointing.FILE_NAME);
        Files.copy(shared.resolve("run").resolve(FitOptions.Checkpointing.FILE_NAME), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private FitOptions options() {
        return ResumableRun.options(run, dir.resolve("log.csv"), ResumableRun.Probe.quiet(), false).withResumeFrom(run);
    }

    private String resumeMessage(Trainer trainer, FitOptions options) {
        return message(() -> ResumableRun.fit(trainer, options));
    }

    @Test
    void thereMustBeACheckpoint() {
        Path empty = dir.resolve("empty");
        assertEquals("resumeFrom: there is no checkpoint " + empty.resolve("checkpoint.safetensors") + ". Possible cause:"
                + " the run was stopped before its first checkpoint, or checkpoints went to another directory; start"
                + " without resuming, or point to the directory given to withCheckpoints",
                resumeMessage(ResumableRun.trainer(), options().withResumeFrom(empty)));
    }

    @Test
    void aModelFileIsNotACheckpoint() {
        Trainer t = ResumableRun.trainer();
        ResumableRun.fit(t, ResumableRun.options(dir.resolve("other"), dir.resolve("o.csv"), ResumableRun.Probe.quiet(), false)
                .withEpochs(1));
        ModelFile.save(t.model(), file, ModelFile.Provenance.unknown());
        assertEquals("Cannot load " + file + ": it is not a training checkpoint (no recur.progress metadata). Possible"
                + " cause: a model file saved with ModelFile.save, which holds weights only",
                resumeMessage(ResumableRun.trainer(), options()));
    }

    @Test
    void optionsAndDataMustBeTheSame() {
        assertEquals("resumeFrom " + file + ": the checkpoint's run had batch_size = 8 but this run has 4. A run resumes"
                + " only with the data and options it started with (epochs may grow); start a new run to change them",
                resumeMessage(ResumableRun.trainer(), options().withBatchSize(4)));
        Tensor[] other = ResumableRun.data();
        other[0].set(0.5, 3, 1);
        String m = message(() -> ResumableRun.trainer().fit(other[0], other[1], options()));
        assertTrue(m.startsWith("resumeFrom " + file + ": the checkpoint's run had data_fingerprint = "), m);
        Trainer sgd = Trainer.compile(Problems.noisyClassifier(), SparseCategoricalCrossEntropy.fromLogits(),
                dev.recur.optim.Sgd.defaults(), Metrics.accuracy(), Metrics.perplexity(dev.recur.loss.Predictions.LOGITS));
        assertTrue(resumeMessage(sgd, options()).startsWith("resumeFrom " + file + ": the checkpoint's run had optimizer"
                + " = Adam[learningRate=0.05, beta1=0.9, beta2=0.999, epsilon=1.0E-7, variant=ADAM] but this run has Sgd["));
    }

    @Test
    void theModelMustBeTheSame() {
        Trainer wider = Trainer.compile(new Sequential(new Noise(0.3), new Dense(9, Activation.TANH), new Dropout(0.2),
                new Dense(3)),
                SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults().withLearningRate(0.05), Metrics.accuracy(),
                Metrics.perplexity(dev.recur.loss.Predictions.LOGITS));
        String m = resumeMessage(wider, options());
        String config = "{\"format\":\"recur.model\",\"version\":1,\"class\":\"Sequential\","
                + "\"spec\":\"Input(2) Noise(0.3) Dense(%d, activation=tanh) Dropout(0.2) Dense(3)\","
                + "\"input_shape\":[2],\"dtype\":\"float32\"}";
        assertEquals("resumeFrom " + file + ": the checkpoint holds another model (" + config.formatted(8)
                + ") than this run's (" + config.formatted(9) + ")", m);
    }

    @Test
    void callbacksMustBeTheSameAndEpochsMayOnlyGrow() {
        String m = resumeMessage(ResumableRun.trainer(), options().withCallbacks(ResumableRun.Probe.quiet()));
        assertEquals("resumeFrom " + file + ": the checkpoint's run had callbacks [dev.recur.train.ResumableRun$Probe,"
                + " dev.recur.train.callbacks.EarlyStopping, dev.recur.train.callbacks.CsvLogger] but this run has"
                + " [dev.recur.train.ResumableRun$Probe]; pass the same callbacks in the same order, so that their state"
                + " (patience counters, best values) carries over", m);
        assertEquals("resumeFrom " + file + ": the checkpoint is at epoch 2 but this run has only 1 epochs; give at least 2",
                resumeMessage(ResumableRun.trainer(), options().withEpochs(1)));
    }

    @Test
    void damagedProgressIsRefused() throws java.io.IOException {
        rewrite(meta -> meta.put(Checkpoint.PROGRESS_KEY, "{\"version\":1}"), tensors -> { });
        String expected = "Cannot load " + file + ": checkpoint progress: key \"format\" is missing";
        String m = resumeMessage(ResumableRun.trainer(), options());
        assertEquals(expected, m.substring(0, Math.min(m.length(), expected.length())), m);
        copyTheCheckpoint(); // the original again
        rewrite(meta -> meta.put(Checkpoint.PROGRESS_KEY, meta.get(Checkpoint.PROGRESS_KEY)
                .replace("\"running\":{}", "\"running\":3")), tensors -> { });
        String damaged = resumeMessage(ResumableRun.trainer(), options());
        assertTrue(damaged.startsWith("Cannot load " + file + ": its progress metadata is damaged ("), damaged);
    }

    @Test
    void stateOfAnUnknownCallbackIsRefused() {
        rewrite(meta -> { }, tensors -> tensors.put("@callback/7/x", Tensor.scalar(1)));
        assertEquals("Cannot load " + file + ": tensor '@callback/7/x' belongs to no callback of the run",
                resumeMessage(ResumableRun.trainer(), options()));
    }

    @Test
    void aDamagedOptimizerStateIsRefusedBeforeAnythingChanges() {
        rewrite(meta -> { }, tensors -> tensors.remove("@optimizer/dense/kernel/momentum"));
        Trainer t = ResumableRun.trainer();
        String m = resumeMessage(t, options());
        assertTrue(m.startsWith("resumeFrom " + file + ": Adam.loadState: the state does not match this optimizer ("), m);
        assertTrue(m.contains("missing [dense/kernel/momentum]"), m);
        assertEquals(0, t.optimizer().iterations());
    }

    private void rewrite(java.util.function.Consumer<Map<String, String>> metadata,
                         java.util.function.Consumer<Map<String, Tensor>> tensors) {
        SafeTensorsFile f = SafeTensors.read(file);
        Map<String, String> meta = new LinkedHashMap<>(f.metadata());
        meta.remove(SafeTensors.FORMAT_VERSION_KEY);
        metadata.accept(meta);
        Map<String, Tensor> ts = new LinkedHashMap<>(f.tensors());
        tensors.accept(ts);
        SafeTensors.write(file, ts, meta);
    }
}
