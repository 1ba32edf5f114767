package dev.recur.train;

import dev.recur.loss.BinaryCrossEntropy;
import dev.recur.loss.CategoricalCrossEntropy;
import dev.recur.loss.Loss;
import dev.recur.loss.MeanSquaredError;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.recur.train.FitOptionsTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input fails before any training step, with a message naming the argument and the fix. */
class FitErrorsTest {

    @TempDir
    Path dir;

    private final Tensor x = Problems.linearX(10, 1); // [10, 3]
    private final Tensor y = Problems.linearY(x);     // [10, 1]

    private static Trainer mse() {
        return Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults());
    }

    private static Trainer sparse() {
        return Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults());
    }

    /** fit with a trainer whose model must not have moved (nothing trained) when it fails. */
    private static String fitMessage(Trainer t, Tensor x, Tensor y, FitOptions o) {
        String m = message(() -> t.fit(x, y, o));
        if (t.model().isBuilt()) {
            assertEquals(0, t.optimizer().iterations(), "no step was taken before the error");
        }
        return m;
    }

    @Test
    void inputsAreChecked() {
        FitOptions o = FitOptions.defaults();
        assertEquals("fit: x is null; pass the inputs as a tensor [samples, ...]", fitMessage(mse(), null, y, o));
        assertEquals("fit: x has shape [10] but inputs need a sample dimension and at least one more ([samples,"
                + " features] or [samples, time, features]). Possible cause: one feature per sample; reshape to [10, 1]",
                fitMessage(mse(), Tensor.zeros(10), y, o));
        assertEquals("fit: x has 0 samples (shape [0, 3]); there is nothing to work on. Possible cause: an empty"
                + " file, or filters or a window length that left no sample", fitMessage(mse(), Tensor.zeros(0, 3), y, o));
        assertEquals("fit: y is null; pass the targets as a tensor [samples, ...]", fitMessage(mse(), x, null, o));
        assertEquals("fit: x has 10 samples but y has 9 (shapes [10, 3] and [9, 1]); every input needs its target",
                fitMessage(mse(), x, Tensor.zeros(9, 1), o));
        assertEquals("fit: x has 10 samples but y has none (a scalar) (shapes [10, 3] and []); every input needs"
                + " its target", fitMessage(mse(), x, Tensor.scalar(1), o));
    }

    @Test
    void nonFiniteValuesNameTheSample() {
        Tensor badX = x.copy();
        badX.set(Double.NaN, 7, 2);
        assertEquals("fit: x holds NaN in sample 7 (element [7, 2] of shape [10, 3]); training needs finite values."
                + " Possible cause: missing values in the data; fill them (CsvOptions imputation) or drop those samples",
                fitMessage(mse(), badX, y, FitOptions.defaults()));
        Tensor badY = y.copy();
        badY.set(Double.NEGATIVE_INFINITY, 4, 0);
        assertEquals("fit: y holds -Infinity in sample 4 (element [4, 0] of shape [10, 1]); training needs finite values."
                + " Possible cause: missing values in the data; fill them (CsvOptions imputation) or drop those samples",
                fitMessage(mse(), x, badY, FitOptions.defaults()));
        Tensor badVal = x.to(dev.recur.tensor.DType.FLOAT64);
        badVal.set(Double.POSITIVE_INFINITY, 0, 0);
        assertTrue(fitMessage(mse(), x, y, FitOptions.defaults().withValidationData(badVal, y))
                .startsWith("fit: validation x holds Infinity in sample 0 (element [0, 0] of shape [10, 3])"));
    }

    @Test
    void inputsMustFitABuiltModel() {
        Trainer t = mse();
        t.fit(x, y, FitOptions.defaults().withBatchSize(10));
        assertEquals("fit: x has samples of shape [4] but the model was built for inputs of shape [3] (batch excluded)."
                + " Possible cause: other features or window length than in training",
                message(() -> t.fit(Tensor.zeros(10, 4), y, FitOptions.defaults())));
        assertEquals("fit: validation x has samples of shape [2] but the model was built for inputs of shape [3]"
                + " (batch excluded). Possible cause: other features or window length than in training",
                message(() -> t.fit(x, y, FitOptions.defaults().withBatchSize(5)
                        .withValidationData(Tensor.zeros(3, 2), Tensor.zeros(3, 1)))));
    }

    @Test
    void batchSizeLargerThanTheDataIsAnErrorNotAClamp() {
        assertEquals("batchSize 32 is larger than the 10 training samples; choose a batchSize of at most 10 (Keras would"
                + " silently use one smaller batch)", fitMessage(mse(), x, y, FitOptions.defaults()));
        assertEquals("batchSize 9 is larger than the 8 training samples (after holding out the last 2 of 10 for"
                + " validation); choose a batchSize of at most 8 (Keras would silently use one smaller batch)",
                fitMessage(mse(), x, y, FitOptions.defaults().withBatchSize(9).withValidationSplit(0.2)));
    }

    @Test
    void aValidationSplitThatHoldsOutNothingIsAnError() {
        assertEquals("fit: validationSplit 0.05 of 10 samples holds out no sample (the last 10 - ceil(10 * (1 - split))"
                + " are held out); raise it to at least 0.1 or pass validation data",
                fitMessage(mse(), x, y, FitOptions.defaults().withBatchSize(2).withValidationSplit(0.05)));
    }

    @Test
    void targetShapesMustFitTheLoss() {
        FitOptions o = FitOptions.defaults().withBatchSize(5);
        assertEquals("fit: y has samples of shape [] but MeanSquaredError on the model's outputs of shape [1] needs"
                + " targets of shape [1] (batch excluded). Possible cause: a missing trailing dimension of 1; reshape y to"
                + " [-1, 1] (y.reshape(-1, 1))", fitMessage(mse(), x, Tensor.zeros(10), o));
        assertEquals("fit: y has samples of shape [2] but MeanSquaredError on the model's outputs of shape [1] needs"
                + " targets of shape [1] (batch excluded). Possible cause: the model's last layer has the wrong number of"
                + " units, or x and y were swapped", fitMessage(mse(), x, Tensor.zeros(10, 2), o));
        Tensor[] blobs = Problems.blobs(12, 1);
        Trainer cce = Trainer.compile(Problems.classifier(), CategoricalCrossEntropy.fromLogits(), Adam.defaults());
        assertEquals("fit: y has samples of shape [] but CategoricalCrossEntropy on the model's outputs of shape [3]"
                + " needs targets of shape [3] (batch excluded). Possible cause: the targets are class indices; compile"
                + " with SparseCategoricalCrossEntropy", fitMessage(cce, blobs[0], blobs[1], o));
        assertEquals("fit: y has samples of shape [3] but SparseCategoricalCrossEntropy on the model's outputs of shape"
                + " [3] needs targets of shape [] (batch excluded). Possible cause: the targets are one-hot rows; compile"
                + " with CategoricalCrossEntropy or pass class indices", fitMessage(sparse(), blobs[0], Tensor.zeros(12, 3), o));
    }

    @Test
    void classIndicesMustBeWholeNumbersAndClasses() {
        Tensor[] blobs = Problems.blobs(12, 1);
        FitOptions o = FitOptions.defaults().withBatchSize(4);
        Tensor half = blobs[1].copy();
        half.set(0.5, 5);
        assertEquals("fit: y must hold whole class indices for SparseCategoricalCrossEntropy, but sample 5 holds 0.5."
                + " Possible cause: the targets are probabilities or scaled values; pass class numbers 0..C-1, or compile"
                + " with another loss", fitMessage(sparse(), blobs[0], half, o));
        Tensor three = blobs[1].copy();
        three.set(3, 10);
        String m = fitMessage(sparse(), blobs[0], three, o);
        assertTrue(m.startsWith("fit: y sample 10 does not fit the loss (positions below count within the sample):"
                + " SparseCategoricalCrossEntropy: target 3 at [0] is not a class of 3"), m);
    }

    @Test
    void targetValuesAreCheckedByTheLossBeforeTraining() {
        Sequential model = new Sequential(new Dense(1));
        Trainer bce = Trainer.compile(model, BinaryCrossEntropy.fromLogits(), Adam.defaults());
        Tensor labels = Tensor.zeros(10, 1);
        labels.set(2.0, 6, 0);
        String m = fitMessage(bce, x, labels, FitOptions.defaults().withBatchSize(5));
        assertTrue(m.startsWith("fit: y sample 6 does not fit the loss (positions below count within the sample):"
                + " BinaryCrossEntropy: target 2.0 at [0, 0] is outside [0, 1]"), m);
    }

    @Test
    void aChunkThatFailsOnlyAsAWholeIsReportedAsARange() {
        int[] calls = {0};
        Loss failsOnBatches = (p, t, w) -> {
            calls[0]++;
            if (p.value().dim(0) > 1) {
                throw new IllegalArgumentException("batch-level problem");
            }
            return p.sum();
        };
        Trainer t = Trainer.compile(Problems.linearModel(), failsOnBatches, Adam.defaults());
        assertEquals("fit: y samples 0..9 do not fit the loss: batch-level problem",
                fitMessage(t, x, y, FitOptions.defaults().withBatchSize(5)));
    }

    @Test
    void classWeightsMustMatchTheClasses() {
        Tensor[] blobs = Problems.blobs(12, 1);
        assertEquals("fit: classWeights: 2 class weights given but the model's outputs of shape [3] have 3 classes;"
                + " give one weight per class", fitMessage(sparse(), blobs[0], blobs[1],
                FitOptions.defaults().withBatchSize(4).withClassWeights(1, 2)));
        Trainer single = mse();
        assertEquals("fit: classWeights: 3 class weights given but the model's outputs of shape [1] have 2 classes (one"
                + " output: binary, classes 0 and 1); give one weight per class",
                fitMessage(single, x, y, FitOptions.defaults().withBatchSize(5).withClassWeights(1, 2, 3)));
        Tensor notBinary = Tensor.zeros(10, 1);
        notBinary.set(2.0, 3, 0);
        assertEquals("fit: classWeights: class weights need binary targets 0 or 1 for a single output, but sample 3 has"
                + " target 2.0. Possible cause: regression targets; class weights apply to classification only",
                fitMessage(mse(), x, notBinary, FitOptions.defaults().withBatchSize(5).withClassWeights(1, 2)));
    }

    @Test
    void anUncreatableCheckpointDirectoryFailsFirst() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        String m = fitMessage(mse(), x, y, FitOptions.defaults().withBatchSize(5).withCheckpoints(file.resolve("sub"), 1));
        assertTrue(m.startsWith("fit: cannot create the checkpoint directory " + file.resolve("sub") + " ("), m);
        assertTrue(m.endsWith("). Choose a writable directory."), m);
        assertFalse(Files.exists(file.resolve("sub")));
    }

    @Test
    void compileAndCallOrderErrors() {
        assertEquals("compile: the loss must not be null; pass one such as new MeanSquaredError()",
                message(() -> Trainer.compile(Problems.linearModel(), (Loss) null, Adam.defaults())));
        assertEquals("compile: the loss must not be null; pass one such as SparseCategoricalCrossEntropy.fromLogits()",
                message(() -> Trainer.compile(Problems.linearModel(), (SparseCategoricalCrossEntropy) null, Adam.defaults())));
        assertEquals("compile: two metrics are named 'mse'; each metric's name is its key in the logs, so names must be"
                + " unique", message(() -> Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults(),
                Metrics.mse(), Metrics.mse())));
        Trainer t = mse();
        assertEquals("evaluate: the model is not built, so it has no weights yet; train it with fit (or build it) first",
                assertThrows(IllegalStateException.class, () -> t.evaluate(x, y, 4)).getMessage());
        assertEquals("predict: the model is not built, so it has no weights yet; train it with fit (or build it) first",
                assertThrows(IllegalStateException.class, () -> t.predict(x, 4)).getMessage());
        assertEquals("optimizer: the model is not built yet, so the optimizer has no parameters; call fit first or build"
                + " the model before compile", assertThrows(IllegalStateException.class, t::optimizer).getMessage());
        t.fit(x, y, FitOptions.defaults().withBatchSize(10));
        assertEquals("evaluate: batchSize must be at least 1 but got 0", message(() -> t.evaluate(x, y, 0)));
        assertEquals("predict: batchSize must be at least 1 but got -1", message(() -> t.predict(x, -1)));
        assertEquals("predict: x has samples of shape [2] but the model was built for inputs of shape [3] (batch"
                + " excluded). Possible cause: other features or window length than in training",
                message(() -> t.predict(Tensor.zeros(4, 2), 4)));
        assertEquals("evaluate: y has samples of shape [2] but MeanSquaredError on the model's outputs of shape [1]"
                + " needs targets of shape [1] (batch excluded). Possible cause: the model's last layer has the wrong"
                + " number of units, or x and y were swapped", message(() -> t.evaluate(x, Tensor.zeros(10, 2), 4)));
    }
}
