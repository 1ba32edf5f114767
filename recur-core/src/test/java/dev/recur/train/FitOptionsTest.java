package dev.recur.train;

import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** FitOptions: Keras's defaults, and every invalid setting rejected with its reason. */
class FitOptionsTest {

    @Test
    void defaultsAreKeras() {
        FitOptions o = FitOptions.defaults();
        assertEquals(1, o.epochs());
        assertEquals(32, o.batchSize());
        assertEquals(true, o.shuffle());
        assertEquals(0.0, o.validationSplit());
        assertEquals(List.of(), o.callbacks());
        assertEquals("", o.data());
    }

    @Test
    void classWeightsAreCopiedBothWays() {
        double[] w = {1, 2};
        FitOptions o = FitOptions.defaults().withClassWeights(w);
        w[0] = 5;
        assertArrayEquals(new double[]{1, 2}, o.classWeights());
        o.classWeights()[1] = 7;
        assertArrayEquals(new double[]{1, 2}, o.classWeights());
    }

    @Test
    void withCallbackAppends() {
        Callback a = new Callback() { };
        Callback b = new Callback() { };
        assertEquals(List.of(a, b), FitOptions.defaults().withCallbacks(a).withCallback(b).callbacks());
    }

    @Test
    void invalidSettingsAreRejected() {
        FitOptions d = FitOptions.defaults();
        assertEquals("FitOptions: epochs must be at least 1 but got 0", message(() -> d.withEpochs(0)));
        assertEquals("FitOptions: batchSize must be at least 1 but got -4", message(() -> d.withBatchSize(-4)));
        assertEquals("FitOptions: validationSplit must be in [0, 1) but got 1.0; it is the fraction of samples held"
                + " out, e.g. 0.2", message(() -> d.withValidationSplit(1.0)));
        assertEquals("FitOptions: validationSplit must be in [0, 1) but got NaN; it is the fraction of samples held"
                + " out, e.g. 0.2", message(() -> d.withValidationSplit(Double.NaN)));
        Tensor t = Tensor.zeros(2, 1);
        assertEquals("FitOptions: give either validationSplit (0.2) or validation data, not both",
                message(() -> d.withValidationSplit(0.2).withValidationData(t, t)));
        assertEquals("FitOptions: validation data needs both inputs and targets but got only inputs",
                message(() -> new FitOptions(1, 1, true, 0, 0, t, null, null, List.of(), null, null, null, null, "", null)));
        assertEquals("FitOptions: validation data needs both inputs and targets but got only targets",
                message(() -> new FitOptions(1, 1, true, 0, 0, null, t, null, List.of(), null, null, null, null, "", null)));
        assertEquals("FitOptions: classWeights is empty; give one weight per class, or null",
                message(() -> d.withClassWeights()));
        assertEquals("FitOptions: class 1 has weight -1.0; class weights must be finite and non-negative",
                message(() -> d.withClassWeights(1, -1)));
        assertEquals("FitOptions: class 0 has weight Infinity; class weights must be finite and non-negative",
                message(() -> d.withClassWeights(Double.POSITIVE_INFINITY)));
        List<Callback> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("FitOptions: callback 0 is null",
                message(() -> new FitOptions(1, 1, true, 0, 0, null, null, null, withNull, null, null, null, null, "", null)));
        assertEquals("FitOptions.withCheckpoints: everySteps must be at least 1 but got 0; checkpoints are also"
                + " written at the end of every epoch", message(() -> d.withCheckpoints(Path.of("x"), 0)));
    }

    static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
