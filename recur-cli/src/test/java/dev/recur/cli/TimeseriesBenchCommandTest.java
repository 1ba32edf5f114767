package dev.recur.cli;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeseriesBenchCommandTest {

    @Test
    void oneJsonLinePerRowAndTheReusedModelIsTrainedFirst() {
        Cli.Run r = Cli.run("bench", "timeseries", "--json", "--series", "50", "--epochs", "1",
                "--models", "naive,iterative_10,wavenet_10");
        assertEquals(0, r.exit(), r.all());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        Gson gson = new Gson();
        List<Object> names = lines.stream().map(l -> gson.fromJson(l, Map.class).get("model")).toList();
        assertEquals(List.of("naive", "deep_rnn", "iterative_10", "wavenet_10"), names);
        Map<?, ?> it = gson.fromJson(lines.get(2), Map.class);
        assertEquals("timeseries", it.get("bench"));
        assertEquals(0.029, it.get("published"));
        assertTrue((Double) it.get("mse") > 0, lines.get(2));
        assertTrue(lines.get(3).contains("\"published\":null"), lines.get(3));
        assertNull(gson.fromJson(lines.get(3), Map.class).get("published"));
    }

    @Test
    void aTableWithoutJson() {
        Cli.Run r = Cli.run("bench", "timeseries", "--series", "20", "--models", "naive");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("model "), r.out());
        assertTrue(r.out().contains("naive"), r.out());
    }

    @Test
    void badFlagsAreNamed() {
        Cli.Run r = Cli.run("bench", "timeseries", "--models", "gpt");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("no row \"gpt\"; rows: naive, linear"), r.all());
        r = Cli.run("bench", "timeseries", "--series", "5");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--series must be at least 10, got 5"), r.all());
        r = Cli.run("bench", "timeseries", "--epochs", "0");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--epochs must be at least 1, got 0"), r.all());
    }
}
