package dev.recur.train;

import dev.recur.loss.MeanSquaredError;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.callbacks.CsvLogger;
import dev.recur.train.callbacks.EarlyStopping;
import dev.recur.train.callbacks.ModelCheckpoint;
import dev.recur.train.callbacks.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A missing required argument names itself. */
class NullArgumentsTest {

    private static String npe(Executable e) {
        return assertThrows(NullPointerException.class, e).getMessage();
    }

    @Test
    void requiredArgumentsNameThemselves() {
        assertEquals("compile: model", npe(() -> Trainer.compile(null, new MeanSquaredError(), Adam.defaults())));
        assertEquals("compile: optimizer (e.g. Adam.defaults())",
                npe(() -> Trainer.compile(Problems.linearModel(), new MeanSquaredError(), null)));
        Trainer t = Trainer.compile(Problems.linearModel(), new MeanSquaredError(), Adam.defaults());
        assertEquals("fit: options (use FitOptions.defaults())", npe(() -> t.fit(Tensor.zeros(2, 3), Tensor.zeros(2, 1), null)));
        assertEquals("FitOptions: callbacks (use List.of() for none)", npe(() ->
                new FitOptions(1, 1, true, 0, 0, null, null, null, null, null, null, null, null, "", null)));
        assertEquals("FitOptions.withValidationData: x", npe(() -> FitOptions.defaults().withValidationData(null, Tensor.zeros(1))));
        assertEquals("FitOptions.withValidationData: y", npe(() -> FitOptions.defaults().withValidationData(Tensor.zeros(1), null)));
        assertEquals("FitOptions.withCallback: callback", npe(() -> FitOptions.defaults().withCallback(null)));
        assertEquals("FitOptions.withCheckpoints: directory", npe(() -> FitOptions.defaults().withCheckpoints(null, 1)));
        assertEquals("function", npe(() -> Metric.of("m", null)));
        assertEquals("EarlyStopping: config", npe(() -> new EarlyStopping(null)));
        assertEquals("EarlyStopping: monitor", npe(() -> new EarlyStopping.Config(null, 0, 0, false)));
        assertEquals("monitor mode (MIN, MAX or AUTO)", npe(() -> new Monitor("loss", null)));
        Monitor m = new Monitor("loss", Monitor.Mode.MIN);
        assertEquals("ModelCheckpoint: path", npe(() -> new ModelCheckpoint(null, ModelCheckpoint.Save.EVERY_EPOCH, m)));
        assertEquals("ModelCheckpoint: save (EVERY_EPOCH or BEST_ONLY)", npe(() -> new ModelCheckpoint(Path.of("m"), null, m)));
        assertEquals("ModelCheckpoint: monitor", npe(() -> new ModelCheckpoint(Path.of("m"), ModelCheckpoint.Save.BEST_ONLY, null)));
        assertEquals("CsvLogger: path", npe(() -> new CsvLogger(null)));
    }
}
