package dev.recur.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training curves: one chart per quantity, PNG and SVG. (TrainCommandTest checks the pictures' content.) */
class PlotsTest {

    @TempDir
    Path dir;

    @Test
    void oneChartPerQuantityLossFirst() throws Exception {
        Map<String, double[]> logs = new LinkedHashMap<>();
        logs.put("loss", new double[]{1.0, 0.5, 0.25});
        logs.put("accuracy", new double[]{0.5, 0.7, 0.8});
        logs.put("val_loss", new double[]{1.1, 0.6, 0.4});
        logs.put("val_accuracy", new double[]{0.4, 0.6, 0.7});
        List<Path> written = Plots.trainingCurves(dir.resolve("curves"), logs);
        assertEquals(List.of("loss.png", "loss.svg", "accuracy.png", "accuracy.svg"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : written) {
            assertTrue(Files.size(p) > 5_000, p + " has " + Files.size(p) + " bytes");
        }
    }

    @Test
    void titles() {
        Plots.Line training = Plots.Line.overEpochs("Training loss", new double[]{1, 2});
        Plots.Line validation = Plots.Line.overEpochs("Validation loss", new double[]{1, 2});
        assertEquals("Training and validation loss", Plots.curvesTitle("loss", List.of(training, validation)));
        assertEquals("Training loss", Plots.curvesTitle("loss", List.of(training)));
    }

    @Test
    void errors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Plots.Line("loss", new double[2], new double[3], Plots.Style.LINE));
        assertEquals("line 'loss' has 2 x values but 3 y values", e.getMessage());
        Path gif = dir.resolve("c.gif");
        e = assertThrows(IllegalArgumentException.class, () -> Plots.write(gif, "t", "x", "y",
                List.of(Plots.Line.overEpochs("a", new double[]{1}))));
        assertEquals("picture " + gif + ": use a .png or .svg file name", e.getMessage());
    }
}
