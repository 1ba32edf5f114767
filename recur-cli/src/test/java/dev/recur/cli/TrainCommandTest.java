package dev.recur.cli;

import dev.recur.autodiff.Parameter;
import dev.recur.train.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code recur train} end to end on small generated datasets, and its resumption. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private static final String[] REGRESSION = {"--layers", "Dense(8, activation=tanh) Dense(1)", "--loss", "mse",
            "--metrics", "mae", "--batch-size", "8", "--lr", "0.05", "--seed", "3"};

    private String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(REGRESSION));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void trainsOnSafetensorsSavesALoadableModelAndWritesTheHistory() throws IOException {
        Path data = Cli.safetensors(dir.resolve("data.safetensors"), Cli.regression(64, 1));
        Path model = dir.resolve("model.safetensors");
        Path history = dir.resolve("runs/first");
        Cli.Run r = Cli.run(args("--data", data.toString(), "--epochs", "8", "--validation-split", "0.25",
                "--history", history.toString(), "--out", model.toString()));
        assertEquals(0, r.exit(), r.all());
        assertEquals("", r.err(), r.all());
        String out = r.out();
        assertTrue(out.startsWith("Training on 48 samples, validating on 16; 6 steps per epoch\n"), out);
        for (int e = 1; e <= 8; e++) {
            assertTrue(out.contains("Epoch " + e + "/8 - "), "one line per epoch when not on a terminal: " + out);
        }
        assertTrue(out.matches("(?s).*\\nFinal epoch 8/8: loss: \\d\\.\\d{4} - mae: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4}"
                + " - val_mae: \\d\\.\\d{4}\\n.*"), out);
        assertTrue(out.contains("Saved the model to " + model + "\n"), out);
        assertTrue(out.contains("History: " + history.resolve("history.csv") + ", " + history.resolve("history.json")
                + ", " + history.resolve("loss.png") + ", " + history.resolve("loss.svg") + ", "
                + history.resolve("mae.png") + ", " + history.resolve("mae.svg")), out);

        List<String> csv = Files.readAllLines(history.resolve("history.csv"));
        assertEquals("epoch,loss,mae,val_loss,val_mae", csv.getFirst());
        assertEquals(9, csv.size(), csv.toString());
        double first = Double.parseDouble(csv.get(1).split(",")[1]);
        double last = Double.parseDouble(csv.get(8).split(",")[1]);
        assertTrue(last < first / 4, "the loss decreases: " + csv);
        String json = Cli.read(history.resolve("history.json"));
        assertTrue(json.startsWith("{\"epoch\":[1,2,3,4,5,6,7,8],\"loss\":["), json);
        assertTrue(json.endsWith(",\"stop_reason\":null}\n"), json);

        ModelFile.Loaded loaded = ModelFile.load(model);
        assertArrayEquals(new int[]{3}, loaded.inputShape());
        assertEquals("Input(3) Dense(8, activation=tanh) Dense(1)", loaded.model().spec());
        assertEquals(3L, loaded.provenance().seed());
        assertTrue(loaded.provenance().data().equals("data.safetensors: x [64, 3], y [64, 1]"), loaded.provenance().data());

        for (String chart : List.of("loss", "mae")) {
            assertPicture(history.resolve(chart + ".png"));
            String svg = Cli.read(history.resolve(chart + ".svg"));
            assertTrue(svg.contains("<svg") && svg.length() > 10_000, chart + ".svg has " + svg.length() + " characters");
        }
    }

    /** A chart, not a blank or broken image: a few thousand drawn pixels in many colors (lines, text, anti-aliasing). */
    private static void assertPicture(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500, image.getWidth() + "x" + image.getHeight());
        Set<Integer> colors = new HashSet<>();
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colors.add(rgb);
                drawn += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertTrue(colors.size() > 50, png + " has " + colors.size() + " colors");
        assertTrue(drawn > pixels / 100 && drawn < pixels / 2, png + " has " + drawn + " of " + pixels + " pixels drawn");
    }

    @Test
    void trainsOnCsvColumnsWithAnInputLayer() {
        float[][] rows = Cli.regression(40, 2);
        StringBuilder sb = new StringBuilder("id,a,b,c,y\n");
        for (int i = 0; i < rows.length; i++) {
            sb.append(i).append(',').append(rows[i][0]).append(',').append(rows[i][1]).append(',').append(rows[i][2])
                    .append(',').append(rows[i][3]).append('\n');
        }
        Path data = Cli.write(dir.resolve("houses.csv"), sb.toString());
        Path model = dir.resolve("m.safetensors");
        Cli.Run r = Cli.run("train", "--layers", "Input(3) Dense(1)", "--data", data.toString(), "--target", "y",
                "--features", "a,b,c", "--loss", "huber", "--optimizer", "sgd", "--lr", "0.2", "--clip-norm", "5",
                "--epochs", "5", "--batch-size", "10", "--out", model.toString(), "--quiet");
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.out().contains("Epoch 1/5"), "quiet: no progress: " + r.out());
        assertFalse(r.out().contains("Training on"), r.out());
        assertTrue(r.out().startsWith("Final epoch 5/5: loss: "), r.out());
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals("Input(3) Dense(1)", loaded.model().spec());
        assertTrue(loaded.provenance().data().startsWith("houses.csv: 40 rows, features [a, b, c], targets [y]"),
                loaded.provenance().data());
    }

    @Test
    void patienceStopsEarlyAndKeepsTheBestEpoch() {
        Path data = Cli.safetensors(dir.resolve("d.safetensors"), Cli.regression(32, 4));
        // A rate far too high: the validation loss soon stops improving.
        Cli.Run r = Cli.run("train", "--layers", "Dense(16, activation=relu) Dense(1)", "--data", data.toString(),
                "--loss", "mse", "--optimizer", "sgd", "--lr", "0.9", "--epochs", "40", "--batch-size", "4",
                "--validation-split", "0.25", "--patience", "1", "--out", dir.resolve("m.safetensors").toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Stopped early: EarlyStopping: val_loss did not improve for 1 epoch"), r.out());
        assertTrue(r.out().matches("(?s).*\\nBest epoch \\d+/\\d+ \\(its weights restored\\): loss: .*"), r.out());
    }

    @Test
    void resumeContinuesFromTheCheckpointAndEndsAsAnUninterruptedRun() {
        Path data = Cli.csv(dir.resolve("d.csv"), Cli.regression(30, 5));
        Path checkpoints = dir.resolve("ckpt");
        Path history = dir.resolve("hist");
        String[] common = {"--data", data.toString(), "--target", "y", "--validation-split", "0.2",
                "--checkpoint-dir", checkpoints.toString(), "--history", history.toString()};
        Cli.Run first = Cli.run(args(concat(common, "--epochs", "2", "--out", dir.resolve("a.safetensors").toString())));
        assertEquals(0, first.exit(), first.all());

        Cli.Run again = Cli.run(args(concat(common, "--epochs", "4", "--out", dir.resolve("a.safetensors").toString())));
        assertEquals(2, again.exit(), again.all());
        assertTrue(again.err().contains("--checkpoint-dir " + checkpoints + " already holds a checkpoint of another run;"
                + " add --resume to continue it, or choose an empty directory to start afresh"), again.all());

        Path resumedModel = dir.resolve("resumed.safetensors");
        Cli.Run resumed = Cli.run(args(concat(common, "--epochs", "4", "--resume", "--out", resumedModel.toString())));
        assertEquals(0, resumed.exit(), resumed.all());
        assertTrue(resumed.out().contains("Resuming from " + checkpoints.resolve("checkpoint.safetensors")
                + " (epoch 3, after step 0)"), resumed.out());
        assertFalse(resumed.out().contains("Epoch 2/4"), "epochs 1 and 2 are not run again: " + resumed.out());
        assertTrue(resumed.out().contains("Epoch 3/4") && resumed.out().contains("Epoch 4/4"), resumed.out());
        assertEquals(5, Cli.read(history.resolve("history.csv")).lines().count(), "the history holds all 4 epochs");

        Path straightModel = dir.resolve("straight.safetensors");
        Cli.Run straight = Cli.run(args("--data", data.toString(), "--target", "y", "--validation-split", "0.2",
                "--epochs", "4", "--out", straightModel.toString(), "--quiet"));
        assertEquals(0, straight.exit(), straight.all());
        List<Parameter> a = ModelFile.load(resumedModel).model().weights();
        List<Parameter> b = ModelFile.load(straightModel).model().weights();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i).value().floats(), a.get(i).value().floats(), "bit-identical " + a.get(i).name());
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
