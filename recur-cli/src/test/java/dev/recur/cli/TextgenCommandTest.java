package dev.recur.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code recur textgen} and {@code recur generate} on a tiny text: they train, save, stream, and refuse bad input. */
class TextgenCommandTest {

    @TempDir
    static Path dir;

    static Path text;
    static Path model;

    @BeforeAll
    static void train() throws IOException {
        text = Files.writeString(dir.resolve("play.txt"), "ROMEO: to be or not to be.\nJULIET: not to be!\n".repeat(20));
        model = dir.resolve("m.safetensors");
        Cli.Run r = Cli.run("textgen", "--text", text.toString(), "--layers", "LSTM(8, return_sequences=true)",
                "--embedding", "4", "--seq-len", "10", "--batch-size", "8", "--epochs", "2", "--sample-length", "15",
                "--out", model.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("--- temperature 0.5:"), r.all());
        assertTrue(r.out().contains("saved " + model), r.all());
    }

    @Test
    void generateStreamsThePrimeAndTheSampledCharacters() {
        Cli.Run a = Cli.run("generate", "--model", model.toString(), "--prime", "ROMEO:", "--length", "40",
                "--temperature", "0.8", "--top-k", "5", "--seed", "3");
        assertEquals(0, a.exit(), a.all());
        assertTrue(a.out().startsWith("ROMEO:"), a.all());
        assertEquals("ROMEO:".length() + 40 + System.lineSeparator().length(), a.out().length(), a.all());
        Cli.Run b = Cli.run("generate", "--model", model.toString(), "--prime", "ROMEO:", "--length", "40",
                "--temperature", "0.8", "--top-k", "5", "--seed", "3");
        assertEquals(a.out(), b.out(), "a seed reproduces the sample");
        Cli.Run stop = Cli.run("generate", "--model", model.toString(), "--prime", "R", "--length", "500", "--seed", "4",
                "--stop", "o");
        assertEquals(0, stop.exit(), stop.all());
        String sampled = stop.out().strip().substring(1);
        assertTrue(sampled.endsWith("o") && sampled.indexOf('o') == sampled.length() - 1,
                "stopped right after the first 'o': " + stop.all());
    }

    @Test
    void statefulAndWordLevelTrainToo() {
        Path words = dir.resolve("w.safetensors");
        Cli.Run r = Cli.run("textgen", "--text", text.toString(), "--level", "word", "--stateful", "--layers",
                "GRU(6, return_sequences=true)", "--embedding", "0", "--seq-len", "5", "--batch-size", "4", "--epochs", "1",
                "--sample-length", "5", "--out", words.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("perplexity"), r.all());
        Cli.Run g = Cli.run("generate", "--model", words.toString(), "--prime", "Romeo", "--length", "6", "--seed", "1");
        assertEquals(0, g.exit(), g.all());
        assertEquals(7, g.out().trim().split(" ").length, g.all());
    }

    private static void assertUserError(String expected, String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(expected), r.all());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.all());
    }

    @Test
    void badTextFilesAreUserErrors() throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path out = dir.resolve("never.safetensors");
        assertUserError("recur textgen: text file " + empty + " is empty", "textgen", "--text", empty.toString(),
                "--out", out.toString());
        Path binary = Files.write(dir.resolve("b.bin"), new byte[]{1, 0, 2});
        assertUserError("text file " + binary + " looks binary (a NUL byte at offset 1)", "textgen", "--text",
                binary.toString(), "--out", out.toString());
        assertUserError("--level must be char or word but got 'byte'", "textgen", "--text", text.toString(), "--level",
                "byte", "--out", out.toString());
        assertUserError("LmData.windows: 828 tokens are too few for one window of 1001", "textgen", "--text",
                text.toString(), "--seq-len", "1000", "--out", out.toString());
        assertFalse(Files.exists(out), "no model file is written on error");
    }

    @Test
    void badSamplingSettingsAreUserErrors() {
        String m = model.toString();
        assertUserError("recur generate: --temperature must be a finite number > 0 but got 0.0", "generate", "--model", m,
                "--prime", "R", "--temperature", "0");
        assertUserError("--top-p must be in (0, 1] but got 1.5", "generate", "--model", m, "--prime", "R", "--top-p", "1.5");
        assertUserError("--top-k must be at least 1 but got 0", "generate", "--model", m, "--prime", "R", "--top-k", "0");
        assertUserError("generate: the prime text's character 'Z' (U+005A) (character 1) is not in the model's"
                + " vocabulary", "generate", "--model", m, "--prime", "Zeus", "--length", "3");
        assertUserError("no such file", "generate", "--model", dir.resolve("missing.safetensors").toString(),
                "--prime", "R");
    }

    @Test
    void benchCharlmRefusesABadBudget() {
        assertUserError("bench charlm: --minutes must be > 0 but got 0.0", "bench", "charlm", "--text", text.toString(),
                "--minutes", "0");
        assertUserError("bench charlm: the last 10% of " + text + " holds 92 characters, fewer than one validation window"
                + " of 101; give a longer text (or a shorter --seq-len)", "bench", "charlm", "--text", text.toString(),
                "--minutes", "1");
    }
}
