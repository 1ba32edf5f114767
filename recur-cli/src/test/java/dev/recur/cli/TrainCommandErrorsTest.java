package dev.recur.cli;

import dev.recur.io.SafeTensors;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mistake a user can make with {@code recur train} ends with exit code 2 and a message that
 * names the problem, without a stack trace, before any training.
 */
class TrainCommandErrorsTest {

    @TempDir
    Path dir;

    private Path csv;
    private Path out;

    @BeforeEach
    void data() {
        csv = Cli.csv(dir.resolve("d.csv"), Cli.regression(12, 7));
        out = dir.resolve("m.safetensors");
    }

    /** train with a working configuration, the options in {@code more} added or replacing the configuration's. */
    private Cli.Run train(String... more) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--layers", "Dense(1)");
        options.put("--data", csv.toString());
        options.put("--target", "y");
        options.put("--loss", "mse");
        options.put("--epochs", "1");
        options.put("--batch-size", "4");
        options.put("--out", out.toString());
        for (int i = 0; i < more.length; i++) {
            boolean flag = i + 1 == more.length || more[i + 1].startsWith("--");
            options.put(more[i], flag ? null : more[++i]);
        }
        List<String> args = new ArrayList<>(List.of("train"));
        options.forEach((k, v) -> {
            args.add(k);
            if (v != null) {
                args.add(v);
            }
        });
        return Cli.run(args.toArray(String[]::new));
    }

    /** Exit code 2, the message on stderr, nothing trained or saved. */
    private void fails(Cli.Run r, String message) {
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(message), "expected \"" + message + "\" in:\n" + r.all());
        assertFalse(r.err().contains("\tat dev.recur"), "no stack trace: " + r.all());
        assertFalse(r.out().contains("Epoch 1/"), "no training: " + r.all());
        assertFalse(Files.exists(out), "nothing saved: " + r.all());
    }

    @Test
    void theBaselineWorks() {
        Cli.Run r = train();
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void anUnknownFlag() {
        fails(train("--epoch", "3"), "Unknown options: '--epoch', '3'");
    }

    @Test
    void aMissingRequiredOption() {
        Cli.Run r = Cli.run("train", "--layers", "Dense(1)", "--data", csv.toString());
        fails(r, "--loss is required: name the loss to train with, one of mse, mae, huber, binary_crossentropy,"
                + " categorical_crossentropy, sparse_categorical_crossentropy");
    }

    @Test
    void aMissingDataFile() {
        fails(train("--data", dir.resolve("none.csv").toString()),
                "recur train: --data " + dir.resolve("none.csv") + ": no such file. Check the path");
    }

    @Test
    void aDirectoryOrUnknownFormatAsData() {
        fails(train("--data", dir.toString()), "--data " + dir + ": not a file; give a .safetensors or .csv file");
        Path txt = Cli.write(dir.resolve("d.txt"), "1 2 3\n");
        fails(train("--data", txt.toString()), "--data " + txt + ": unknown format; give a .safetensors file holding"
                + " tensors x [samples, ...] and y [samples, ...], or a .csv file with a header row");
    }

    @Test
    void aMalformedCsvRow() {
        Path bad = Cli.write(dir.resolve("bad.csv"), "a,b,c,y\n1,2,3,4\n5,6,7\n");
        fails(train("--data", bad.toString()), bad + ": row 2 (line 3) has 3 fields but the header has 4");
    }

    @Test
    void aNaNInCsv() {
        Path bad = Cli.write(dir.resolve("nan.csv"), "a,b,c,y\n1,2,3,4\n5,NaN,7,8\n");
        fails(train("--data", bad.toString()), bad + ": row 2 (line 3), column 2 \"b\": \"NaN\" is not a finite number");
    }

    @Test
    void aMissingValueInCsvNamesTheImputeOption() throws IOException {
        Path bad = Cli.write(dir.resolve("gap.csv"), "a,b,c,y\n1,2,3,4\n5,,7,8\n9,10,11,12\n13,14,15,16\n17,18,19,20\n");
        fails(train("--data", bad.toString()), bad + ": row 2 (line 3), column 2 \"b\": the value is missing");
        Cli.Run r = train("--data", bad.toString(), "--impute", "drop_row");
        assertEquals(0, r.exit(), r.all());
        Files.delete(out);
        fails(train("--impute", "mean"), "Invalid value for option '--impute': unknown imputation 'mean'; choose one of"
                + " none, previous, linear, drop_row");
    }

    @Test
    void anEmptyCsvOrOneWithoutRows() {
        Path empty = Cli.write(dir.resolve("empty.csv"), "");
        fails(train("--data", empty.toString()), empty + " is empty; expected a header row naming the columns");
        Path header = Cli.write(dir.resolve("header.csv"), "a,b,c,y\n");
        fails(train("--data", header.toString()), header + " has a header but no data rows");
    }

    @Test
    void csvColumns() {
        Cli.Run r = Cli.run("train", "--layers", "Dense(1)", "--data", csv.toString(), "--loss", "mse",
                "--out", out.toString());
        fails(r, csv + " is a CSV file: name the target column with --target COLUMN (its columns: a, b, c, y)");
        fails(train("--target", "price"), csv + " has no column \"price\" for --target; its columns: a, b, c, y");
        fails(train("--features", "a,q"), csv + " has no column \"q\"");
        fails(train("--features", "a,y"), "column \"y\" is both a --feature and a --target");
        Path onlyY = Cli.write(dir.resolve("y.csv"), "y\n1\n2\n");
        fails(train("--data", onlyY.toString()), onlyY + " has no column besides the target [y] to use as a feature");
    }

    @Test
    void safetensorsWithoutYOrWithMismatchedSamples() {
        Path noY = dir.resolve("noy.safetensors");
        SafeTensors.write(noY, Map.of("x", Tensor.zeros(10, 3)), Map.of());
        fails(train("--data", noY.toString(), "--target", "y"), "--target and --features choose CSV columns, but "
                + noY + " is a safetensors file");
        List<String> plain = List.of("train", "--layers", "Dense(1)", "--loss", "mse", "--batch-size", "2",
                "--out", out.toString(), "--data");
        fails(Cli.run(with(plain, noY.toString())), noY + " has no tensor 'y' (it has: x). Store the inputs as 'x'"
                + " [samples, ...features] and the targets as 'y' [samples, ...]");

        Path mismatch = dir.resolve("mismatch.safetensors");
        SafeTensors.write(mismatch, Map.of("x", Tensor.zeros(10, 3), "y", Tensor.zeros(9, 1)), Map.of());
        fails(Cli.run(with(plain, mismatch.toString())), mismatch + ": tensor 'x' has 10 samples but 'y' has 9"
                + " (shapes [10, 3] and [9, 1])");

        Path flat = dir.resolve("flat.safetensors");
        SafeTensors.write(flat, Map.of("x", Tensor.zeros(10), "y", Tensor.zeros(10)), Map.of());
        fails(Cli.run(with(plain, flat.toString())), flat + ": tensor 'x' has shape [10] but inputs need a sample"
                + " dimension and features");

        Path none = dir.resolve("none.safetensors");
        SafeTensors.write(none, Map.of("x", Tensor.zeros(0, 3), "y", Tensor.zeros(0, 1)), Map.of());
        fails(Cli.run(with(plain, none.toString())), none + ": tensor 'x' holds no samples (shape [0, 3])");
    }

    @Test
    void aNaNOrInfinityInSafetensors() {
        Tensor x = Tensor.zeros(10, 3);
        x.set(Float.NaN, 5, 1);
        Tensor y = Tensor.zeros(10, 1);
        Path file = dir.resolve("nan.safetensors");
        SafeTensors.write(file, Map.of("x", x, "y", y), Map.of());
        fails(Cli.run("train", "--layers", "Dense(1)", "--loss", "mse", "--data", file.toString(), "--out", out.toString()),
                file + ": tensor 'x' holds NaN in sample 5 (element [5, 1] of shape [10, 3]); training needs finite values");
        x.set(0, 5, 1);
        y.set(Double.POSITIVE_INFINITY, 8, 0);
        SafeTensors.write(file, Map.of("x", x, "y", y), Map.of());
        fails(Cli.run("train", "--layers", "Dense(1)", "--loss", "mse", "--data", file.toString(), "--out", out.toString()),
                file + ": tensor 'y' holds Infinity in sample 8");
    }

    @Test
    void integerLabelsBecomeFloats() throws IOException {
        Path file = dir.resolve("labels.safetensors");
        SafeTensors.writer().put("x", Tensor.zeros(8, 2)).putInts("y", new int[]{0, 1, 2, 0, 1, 2, 0, 1}, 8)
                .write(file);
        Cli.Run r = Cli.run("train", "--layers", "Dense(3)", "--loss", "sparse_categorical_crossentropy",
                "--from-logits", "--metrics", "accuracy", "--data", file.toString(), "--batch-size", "4",
                "--epochs", "1", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("accuracy: "), r.out());
        Files.delete(out);
        Path huge = dir.resolve("huge.safetensors");
        SafeTensors.writer().put("x", Tensor.zeros(2, 2)).putLongs("y", new long[]{1, 1L << 40}, 2).write(huge);
        fails(Cli.run("train", "--layers", "Dense(3)", "--loss", "mse", "--data", huge.toString(), "--out",
                out.toString()), huge + ": tensor 'y' holds 1099511627776 (element 1),"
                + " which float32 cannot hold exactly");
    }

    @Test
    void tooFewSamplesForTheBatchSize() {
        fails(train("--batch-size", "64"), "--batch-size 64 is larger than the 12 training samples of " + csv
                + "; use --batch-size 12 or less, or more data");
        fails(train("--batch-size", "11", "--validation-split", "0.25"), "--batch-size 11 is larger than the 9 training"
                + " samples of " + csv + " (12 samples, the last 3 held out by --validation-split 0.25)");
        fails(train("--validation-split", "0.01"), "--validation-split 0.01 holds out none of the 12 samples of " + csv);
    }

    @Test
    void unknownLossOptimizerOrMetric() {
        fails(train("--loss", "msee"), "Invalid value for option '--loss': unknown loss 'msee'; choose one of mse, mae,"
                + " huber, binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy");
        fails(train("--optimizer", "lion"), "Invalid value for option '--optimizer': unknown optimizer 'lion'; choose"
                + " one of sgd, rmsprop, adam, adamw, adagrad");
        fails(train("--metrics", "mae,f1"), "--metrics: unknown metric 'f1'; choose from accuracy, binary_accuracy, mse,"
                + " mae, perplexity");
        fails(train("--from-logits"), "--from-logits applies to the cross-entropy losses, not to mse; leave it out");
    }

    @Test
    void aBadLayerSpecificationOrInputShape() {
        fails(train("--layers", "Dense(1) Dens(2)"), "recur train: --layers: unknown layer 'Dens'");
        fails(train("--layers", "Input(5) Dense(1)"), "--layers starts with Input(5) but the samples of " + csv
                + " have shape [3]; write Input(3), or leave Input out to take the shape from the data");
    }

    @Test
    void anUnwritableOutPath() {
        Path nowhere = dir.resolve("no/such/dir/m.safetensors");
        fails(train("--out", nowhere.toString()), "Cannot write " + nowhere + ": the directory " + nowhere.getParent()
                + " does not exist");
        fails(train("--out", dir.toString()), "Cannot write " + dir + ": it is a directory");
    }

    @Test
    void resumeWithoutACheckpoint() {
        fails(train("--resume"), "--resume needs --checkpoint-dir DIR, the directory the interrupted run wrote its"
                + " checkpoints to");
        Path empty = dir.resolve("ckpt");
        fails(train("--resume", "--checkpoint-dir", empty.toString()), "--resume: there is no checkpoint in " + empty
                + " (no file checkpoint.safetensors). Possible cause: the run stopped before the end of its first epoch");
    }

    @Test
    void aDivergingRunStopsAndSavesNothing() {
        Cli.Run r = train("--optimizer", "sgd", "--lr", "1e30", "--epochs", "3");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("recur train: TerminateOnNaN: batch "), r.all());
        assertTrue(r.err().contains("; training stopped without applying it."), r.all());
        assertTrue(r.err().contains("lower the rate or clip gradients. The model was not saved to " + out + "."), r.all());
        assertFalse(Files.exists(out), r.all());
    }

    @Test
    void badNumbers() {
        fails(train("--epochs", "0"), "--epochs must be at least 1, got 0");
        fails(train("--batch-size", "0"), "--batch-size must be at least 1, got 0");
        fails(train("--lr", "-0.1"), "--lr must be a positive number, got -0.1");
        fails(train("--clip-norm", "0"), "--clip-norm must be a positive number, got 0.0");
        fails(train("--validation-split", "1"), "--validation-split must be at least 0 and below 1, got 1.0");
        fails(train("--patience", "-1"), "--patience must be 0 or more epochs, got -1");
        fails(train("--checkpoint-every", "5"), "--checkpoint-every needs --checkpoint-dir DIR");
        fails(train("--checkpoint-every", "0", "--checkpoint-dir", dir.resolve("c").toString()),
                "--checkpoint-every must be at least 1 step, got 0");
        fails(train("--epochs", "two"), "Invalid value for option '--epochs': 'two' is not an int");
    }

    @Test
    void aHistoryDirectoryThatCannotBeCreated() {
        Path file = Cli.write(dir.resolve("plain"), "x");
        fails(train("--history", file.resolve("sub").toString()), "--history " + file.resolve("sub")
                + ": cannot create the directory");
    }

    private static String[] with(List<String> args, String last) {
        List<String> all = new ArrayList<>(args);
        all.add(last);
        return all.toArray(String[]::new);
    }
}
