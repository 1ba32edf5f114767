package dev.recur.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recur.kernel.Parallel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RnnBenchCommandTest {

    @Test
    void jsonLinesCarryThePeerScriptsFields() {
        Cli.Run r = Cli.run("bench", "rnn", "--json", "--quick", "--case", "step_latency,infer_charlm",
                "--models", "gru:16:1");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out()); // in the order asked: step latency, then inference at batch 1 and 32
        JsonObject lat = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("step_latency", lat.get("bench").getAsString());
        assertEquals("gru", lat.get("cell").getAsString());
        assertEquals(16, lat.get("H").getAsInt());
        assertEquals(1, lat.get("layers").getAsInt());
        assertEquals(1, lat.get("B").getAsInt());
        assertEquals(1, lat.get("T").getAsInt());
        assertEquals(Parallel.threads(), lat.get("threads").getAsInt());
        assertEquals("us/step", lat.get("unit").getAsString());
        assertTrue(lat.get("value").getAsDouble() > 0, lines.get(0));
        assertEquals(200, lat.get("n").getAsInt());
        JsonObject infer = JsonParser.parseString(lines.get(2)).getAsJsonObject();
        assertEquals("infer_charlm", infer.get("bench").getAsString());
        assertEquals(32, infer.get("B").getAsInt());
        assertEquals(100, infer.get("T").getAsInt());
        assertEquals("tokens/s", infer.get("unit").getAsString());
    }

    @Test
    void theTableHasOneRowPerMeasurement() {
        Cli.Run r = Cli.run("bench", "rnn", "--quick", "--case", "train_charlm", "--models", "rnn:16:2");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(1).matches("train_charlm +rnn +16 +2 +32 +\\d+ +[0-9.]+ +tokens/s"), lines.get(1));
    }

    @Test
    void startupRunsAlone() {
        Cli.Run r = Cli.run("bench", "rnn", "--case", "startup,train_ts");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bench rnn: --case startup runs alone (it times the process from its start), got"
                + " --case startup,train_ts; run it by itself"), r.err());
    }

    @Test
    void badCasesAndModelsAreUserErrors() {
        Cli.Run c = Cli.run("bench", "rnn", "--case", "train");
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("bench rnn: unknown case 'train'; the cases are train_charlm, infer_charlm,"
                + " step_latency, train_ts, infer_ts (startup runs alone, in a fresh process)"), c.err());
        Cli.Run m = Cli.run("bench", "rnn", "--models", "lstm:big:1");
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("bench rnn: a model must look like CELL:UNITS:LAYERS with CELL lstm, gru or rnn"
                + " (e.g. lstm:256:1), got 'lstm:big:1'"), m.err());
    }
}
