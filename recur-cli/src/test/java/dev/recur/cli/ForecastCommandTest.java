package dev.recur.cli;

import com.google.gson.Gson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastCommandTest {

    @TempDir
    Path dir;

    /** A monthly-looking series: a trend plus a sine of period 12, with a date column. */
    private Path seasonal(int rows) {
        StringBuilder sb = new StringBuilder("month,value\n");
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "m%d,%.4f%n", i, 100 + i + 10 * Math.sin(2 * Math.PI * i / 12)));
        }
        return Cli.write(dir.resolve("s.csv"), sb.toString());
    }

    /** The arguments of a small training run, with {@code more} added or, for a flag already given, replacing its value. */
    private String[] train(Path csv, String... more) {
        List<String> all = new ArrayList<>(List.of("forecast", "--csv", csv.toString(), "--column", "value",
                "--date-column", "month", "--window", "12", "--horizon", "3", "--season", "12", "--epochs", "3", "--quiet",
                "--out", dir.resolve("m.safetensors").toString()));
        for (int i = 0; i < more.length; i++) {
            int at = all.indexOf(more[i]);
            boolean valued = i + 1 < more.length && !more[i + 1].startsWith("--");
            if (at >= 0 && valued) {
                all.set(at + 1, more[++i]);
            } else {
                all.add(more[i]);
            }
        }
        return all.toArray(String[]::new);
    }

    @Test
    void trainsReportsAgainstTheBaselinesDrawsSavesAndForecasts() throws Exception {
        Path csv = seasonal(120);
        Path png = dir.resolve("f.png");
        Cli.Run r = Cli.run(train(csv, "--json", "--difference", "--layers", "Flatten Dense(H)", "--plot", png.toString()));
        assertEquals(0, r.exit(), r.all());
        String line = r.out().strip();
        assertFalse(line.contains("\n"), "one JSON line:\n" + r.all());
        Map<?, ?> m = new Gson().fromJson(line, Map.class);
        for (String key : new String[] {"test_mae", "test_rmse", "naive_mae", "seasonal_naive_mae"}) {
            assertTrue(m.get(key) instanceof Double d && d >= 0, key + " in " + line);
        }
        assertTrue(Files.size(png) > 1000, "the picture is written");
        assertTrue(r.err().contains("Saved the model to"), r.all());

        Cli.Run next = Cli.run("forecast", "--model", dir.resolve("m.safetensors").toString(), "--csv", csv.toString());
        assertEquals(0, next.exit(), next.all());
        assertEquals(4, next.out().lines().count(), next.out());
        assertTrue(next.out().startsWith("step,value\n1,"), next.out());
    }

    @Test
    void theTextReportHasTheThreeForecasts() {
        Cli.Run r = Cli.run(train(seasonal(80)));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Test: the last 16 rows, 14 forecasts of 3 steps"), r.out());
        assertTrue(r.out().contains("seasonal naive (S=12)"), r.out());
        assertTrue(r.out().contains("naive "), r.out());
    }

    @Test
    void badCsvFilesAreNamed() {
        Path csv = seasonal(80);
        assertError(Cli.run(train(csv, "--column", "nope")), "has no column \"nope\"; available: \"month\", \"value\"");
        Path text = Cli.write(dir.resolve("t.csv"), "month,value\nm0,1\nm1,two\nm2,3\n");
        assertError(Cli.run(train(text)), "row 2 (line 3), column 2 \"value\": \"two\" is not a number");
        assertError(Cli.run(train(seasonal(17))), "too few rows: the series has 17 rows");
    }

    @Test
    void badFlagsAreNamed() {
        Path csv = seasonal(80);
        assertError(Cli.run("forecast", "--csv", csv.toString(), "--column", "value", "--horizon", "3"),
                "training a forecaster needs --window W (or give --model FILE to forecast with a saved one)");
        assertError(Cli.run(train(csv, "--window", "0")), "--window, --horizon and --season must be at least 1, got 0, 3 and 12");
        assertError(Cli.run(train(csv, "--scaler", "robust")), "--scaler must be standard or minmax, got 'robust'");
        assertError(Cli.run(train(csv, "--layers", "GRU(4) Dense(2)")), "maps a window to [1, 2] but a forecaster must"
                + " output [batch, 3] (the horizon). Possible fix: end with Dense(3)");
        assertError(Cli.run(train(csv, "--layers", "Dense(")), "--layers: ");
        assertError(Cli.run("forecast", "--model", "m.safetensors", "--csv", csv.toString(), "--window", "3"),
                "--model forecasts with a saved forecaster, whose column, window, horizon, season, layers and scaling"
                        + " are fixed");
        assertEquals(2, Cli.run("forecast", "--column", "value").exit(), "--csv is required");
    }

    @Test
    void realSeriesWhenRecurDataIsSet() {
        String data = System.getenv("RECUR_DATA");
        Assumptions.assumeTrue(data != null, "RECUR_DATA is unset: skipping the airline passengers forecast");
        Path csv = Path.of(data, "time-series", "airline-passengers.csv");
        Cli.Run r = Cli.run("forecast", "--csv", csv.toString(), "--column", "Passengers", "--date-column", "Month",
                "--window", "24", "--horizon", "12", "--season", "12", "--difference", "--epochs", "5", "--quiet",
                "--json", "--out", dir.resolve("a.safetensors").toString());
        assertEquals(0, r.exit(), r.all());
        Map<?, ?> m = new Gson().fromJson(r.out().strip(), Map.class);
        assertTrue((Double) m.get("naive_mae") > (Double) m.get("seasonal_naive_mae"), r.out());
    }

    private static void assertError(Cli.Run r, String expected) {
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(expected), "expected \"" + expected + "\" in\n" + r.all());
    }
}
