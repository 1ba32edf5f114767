package dev.recur.data.series;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the real {@code airline-passengers.csv} (Box and Jenkins, monthly totals in thousands,
 * 1949-01..1960-12) from {@code $RECUR_DATA/time-series/} and runs the forecasting preparation
 * on it. Skipped when RECUR_DATA is not set.
 */
class AirlinePassengersTest {

    private static Path file() {
        String root = System.getenv("RECUR_DATA");
        Assumptions.assumeTrue(root != null && !root.isBlank(),
                "RECUR_DATA is not set: skipping the test on the real airline-passengers.csv (set RECUR_DATA to the"
                        + " folder holding time-series/airline-passengers.csv, e.g. /work/shared/data)");
        Path p = Path.of(root, "time-series", "airline-passengers.csv");
        Assumptions.assumeTrue(Files.isRegularFile(p), "RECUR_DATA is set but " + p + " does not exist");
        return p;
    }

    @Test
    void readsTheWholeFile() throws IOException {
        TimeSeries s = CsvSeries.read(file(), CsvOptions.columns("Passengers").withDateColumn("Month"));
        assertEquals(144, s.length());
        assertEquals("1949-01", s.dates().getFirst());
        assertEquals("1960-12", s.dates().getLast());
        float[] v = s.values().toFloatArray();
        assertEquals(112f, v[0]);
        assertEquals(432f, v[143]);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            assertEquals(Math.rint(x), x, "monthly totals are whole thousands");
        }
        assertEquals(104f, min);
        assertEquals(622f, max);
    }

    @Test
    void brownleeStylePreparation() throws IOException {
        TimeSeries s = CsvSeries.read(file(), CsvOptions.columns("Passengers").withDateColumn("Month"));
        Split split = Split.byFraction(s.values(), 0.67, 0);
        assertEquals(96, split.train().dim(0));
        assertEquals(48, split.test().dim(0));
        Scaler scaler = Scaler.minMax(split.train());
        WindowBatch train = new SlidingWindows(scaler.transform(split.train()), WindowSpec.nextStep(12)).all();
        WindowBatch test = new SlidingWindows(scaler.transform(split.test()), WindowSpec.nextStep(12)).all();
        assertArrayEquals(new int[]{84, 12, 1}, train.inputs().shape());
        assertArrayEquals(new int[]{36, 12, 1}, test.inputs().shape());
        for (float x : train.inputs().toFloatArray()) {
            assertTrue(x >= 0 && x <= 1 + 1e-6, "training inputs lie in the fitted range: " + x);
        }
        // the test years grew past the training maximum: scaled values above 1 show no test statistic leaked in
        assertTrue(test.targets().max(0).get(0) > 1);
        float back = (float) scaler.inverseTransform(test.targets()).get(35, 0);
        assertEquals(432f, back, 1e-3f); // the last target is December 1960
    }
}
