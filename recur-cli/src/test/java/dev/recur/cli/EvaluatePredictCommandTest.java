package dev.recur.cli;

import dev.recur.loss.MeanSquaredError;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.Metrics;
import dev.recur.train.ModelFile;
import dev.recur.train.Trainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code recur evaluate} and {@code recur predict} on a model {@code recur train} saved. */
class EvaluatePredictCommandTest {

    @TempDir
    Path dir;

    private Path data;
    private Path model;

    @BeforeEach
    void trainAModel() {
        data = Cli.csv(dir.resolve("d.csv"), Cli.regression(20, 11));
        model = dir.resolve("m.safetensors");
        Cli.Run r = Cli.run("train", "--layers", "Dense(4, activation=tanh) Dense(1)", "--data", data.toString(),
                "--target", "y", "--loss", "mse", "--epochs", "2", "--batch-size", "5", "--out", model.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.all());
    }

    /** The loaded model's loss and outputs, computed with the library. */
    private Trainer loaded() {
        return Trainer.compile(ModelFile.load(model).model(), new MeanSquaredError(), Adam.defaults(), Metrics.mae());
    }

    private Dataset dataset() {
        return Dataset.read(data, List.of("y"), List.of(), dev.recur.data.series.CsvOptions.Imputation.NONE, true);
    }

    @Test
    void evaluatePrintsTheLossAndMetrics() {
        Cli.Run r = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--target", "y",
                "--loss", "mse", "--metrics", "mae");
        assertEquals(0, r.exit(), r.all());
        Dataset d = dataset();
        Map<String, Double> expected = loaded().evaluate(d.x(), d.y(), 32);
        assertEquals(String.format(Locale.ROOT, "loss: %.4f - mae: %.4f%n", expected.get("loss"), expected.get("mae")),
                r.out());
    }

    @Test
    void evaluateDefaultsToTheLossAndMetricsTheModelWasTrainedWith() {
        Path trained = dir.resolve("mae.safetensors");
        Cli.Run t = Cli.run("train", "--layers", "Dense(1)", "--data", data.toString(), "--target", "y", "--loss", "mse",
                "--metrics", "mae", "--epochs", "1", "--batch-size", "5", "--out", trained.toString(), "--quiet");
        assertEquals(0, t.exit(), t.all());
        Cli.Run r = Cli.run("evaluate", "--model", trained.toString(), "--data", data.toString(), "--target", "y");
        assertEquals(0, r.exit(), r.all());
        Dataset d = dataset();
        Map<String, Double> expected = Trainer.compile(ModelFile.load(trained).model(), new MeanSquaredError(),
                Adam.defaults(), Metrics.mae()).evaluate(d.x(), d.y(), 32);
        assertEquals(String.format(Locale.ROOT, "loss: %.4f - mae: %.4f%n", expected.get("loss"), expected.get("mae")),
                r.out());

        Path bare = dir.resolve("bare.safetensors");
        ModelFile.save(ModelFile.load(trained).model(), bare, ModelFile.Provenance.unknown());
        Cli.Run noLoss = Cli.run("evaluate", "--model", bare.toString(), "--data", data.toString(), "--target", "y");
        assertEquals(2, noLoss.exit(), noLoss.all());
        assertTrue(noLoss.err().contains("--loss is required: " + bare + " does not record the loss it was trained with"
                + " (it was not saved by recur train); name one of mse, mae, huber"), noLoss.all());
    }

    @Test
    void predictPrintsOrWritesOneRowPerSample() {
        Cli.Run r = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--target", "y");
        assertEquals(0, r.exit(), r.all());
        Tensor expected = loaded().predict(dataset().x(), 32);
        String[] lines = r.out().split("\n");
        assertEquals(21, lines.length, r.out());
        assertEquals("output_0", lines[0]);
        for (int i = 0; i < 20; i++) {
            assertEquals((float) expected.get(i, 0), Float.parseFloat(lines[i + 1]), "sample " + i);
        }
        Path out = dir.resolve("p.csv");
        Cli.Run written = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--features",
                "a,b,c", "--out", out.toString());
        assertEquals(0, written.exit(), written.all());
        assertEquals("Wrote the predictions for 20 samples to " + out + "\n", written.out());
        assertEquals(r.out(), Cli.read(out));
    }

    @Test
    void sequenceOutputsGetOneRowPerStep() {
        Tensor p = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        assertEquals("sample,step,output_0,output_1\n0,0,1.0,2.0\n0,1,3.0,4.0\n1,0,5.0,6.0\n1,1,7.0,8.0\n",
                PredictCommand.csv(p));
    }

    @Test
    void errors() {
        Path missing = dir.resolve("none.safetensors");
        Cli.Run r = Cli.run("evaluate", "--model", missing.toString(), "--data", data.toString(), "--target", "y",
                "--loss", "mse");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("Cannot load " + missing + ": no such file"), r.all());

        Cli.Run wide = Cli.run("predict", "--model", model.toString(), "--data", data.toString());
        assertEquals(2, wide.exit(), wide.all());
        assertTrue(wide.err().contains("predict: x has samples of shape [4] but the model was built for inputs of shape"
                + " [3]"), wide.all());

        Cli.Run batch = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--target", "y",
                "--loss", "mse", "--batch-size", "0");
        assertEquals(2, batch.exit(), batch.all());
        assertTrue(batch.err().contains("--batch-size must be at least 1, got 0"), batch.all());
        Cli.Run predictBatch = Cli.run("predict", "--model", model.toString(), "--data", data.toString(),
                "--batch-size", "-1");
        assertTrue(predictBatch.err().contains("--batch-size must be at least 1, got -1"), predictBatch.all());

        Path nowhere = dir.resolve("no/p.csv");
        Cli.Run out = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                nowhere.toString());
        assertEquals(2, out.exit(), out.all());
        assertTrue(out.err().contains("Cannot write " + nowhere + ": the directory"), out.all());
    }
}
