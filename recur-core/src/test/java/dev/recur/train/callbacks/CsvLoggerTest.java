package dev.recur.train.callbacks;

import dev.recur.loss.MeanSquaredError;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.Metrics;
import dev.recur.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static dev.recur.train.callbacks.MonitorTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvLoggerTest {

    @TempDir
    Path dir;

    private final Tensor x = Tensor.uniform(new SplittableRandom(1), DType.FLOAT32, -1, 1, 20, 2);
    private final Tensor y = x.sum(1).reshape(20, 1);

    @Test
    void writesOneRowPerEpochWithExactValues() throws Exception {
        Path csv = dir.resolve("log.csv");
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults(), Metrics.mae());
        History h = t.fit(x, y, FitOptions.defaults().withEpochs(3).withBatchSize(4).withValidationSplit(0.2)
                .withCallbacks(new CsvLogger(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,loss,mae,val_loss,val_mae", lines.getFirst());
        assertEquals(4, lines.size());
        for (int e = 0; e < 3; e++) {
            String[] f = lines.get(e + 1).split(",");
            assertEquals(Integer.toString(e), f[0]);
            assertEquals(h.get("loss")[e], Double.parseDouble(f[1]));
            assertEquals(h.get("val_mae")[e], Double.parseDouble(f[4]));
        }
    }

    @Test
    void anotherSeparator() throws Exception {
        Path csv = dir.resolve("log.tsv");
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        t.fit(x, y, FitOptions.defaults().withBatchSize(10).withCallbacks(new CsvLogger(csv, '\t')));
        assertEquals("epoch\tloss", Files.readAllLines(csv).getFirst());
    }

    @Test
    void errors() {
        assertEquals("CsvLogger: separator '.' can occur in keys or numbers; use ',', ';' or a tab",
                message(() -> new CsvLogger(dir.resolve("x.csv"), '.')));
        Trainer t = Trainer.compile(new Sequential(new Dense(1)), new MeanSquaredError(), Adam.defaults());
        assertEquals("Cannot write " + dir + ": it is a directory. Give a file name, such as "
                + dir.resolve("model.safetensors") + ".", message(() -> t.fit(x, y, FitOptions.defaults().withBatchSize(10)
                .withCallbacks(new CsvLogger(dir)))));
    }
}
