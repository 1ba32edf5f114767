package dev.recur.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTinyDemoTrainsEveryModelAndDrawsItsPictures() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("demo", "--epochs", "1", "--series", "60", "--out-dir", dir.toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("(the last value)"), text);
        for (var m : DemoCommand.MODELS) {
            assertTrue(text.contains(m.name()), "the table reports " + m.name() + ":\n" + text);
            if (!m.baseline()) {
                assertTrue(Files.size(dir.resolve(m.name()).resolve("loss.png")) > 1000, m.name() + " training curve");
            }
        }
        assertTrue(Files.size(dir.resolve("forecast.png")) > 1000, "the one-step forecast picture is written");
        assertTrue(Files.size(dir.resolve("forecast_10.png")) > 1000, "the ten-step forecast picture is written");
    }

    @Test
    void nonsenseSizesAreRefusedWithTheirNames() {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("demo", "--epochs", "0", "--out-dir", dir.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--epochs must be at least 1 and --series at least 20 (got 0 and 10000)"), err.toString());
    }
}
