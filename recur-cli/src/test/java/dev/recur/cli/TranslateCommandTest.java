package dev.recur.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslateCommandTest {

    @TempDir
    static Path dir;

    private static Path model;
    private static Path plain;

    @BeforeAll
    static void train() throws Exception {
        Path pairs = dir.resolve("rev.tsv");
        Files.writeString(pairs, "ab\tba\textra column\nabc\tcba\nca\tac\nbca\tacb\ncab\tbac\nb\tb\n");
        model = dir.resolve("rev.safetensors");
        Cli.Run r = Cli.run("translate", "train", "--pairs", pairs.toString(), "--attention", "luong", "--units", "16",
                "--embedding", "8", "--epochs", "150", "--batch", "6", "--lr", "0.02", "--out", model.toString());
        assertEquals(0, r.exit(), r.all());
        plain = dir.resolve("plain.safetensors");
        Cli.Run p = Cli.run("translate", "train", "--pairs", pairs.toString(), "--attention", "none", "--units", "4",
                "--embedding", "2", "--epochs", "1", "--out", plain.toString());
        assertEquals(0, p.exit(), p.all());
    }

    @Test
    void translatesWithBeamsAndDrawsTheAttention() {
        Path png = dir.resolve("map.png");
        Cli.Run r = Cli.run("translate", "--model", model.toString(), "--text", "abc", "--beam", "3",
                "--attention-map", png.toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals("cba", r.out().strip());
        assertTrue(Files.isRegularFile(png) && png.toFile().length() > 1000);
    }

    @Test
    void userErrorsExitWithTwoAndOneLine() {
        assertError("the source text is empty; give at least one character", "translate", "--model", model.toString(), "--text", "");
        assertError("the model was trained on sources of at most 3", "translate", "--model", model.toString(), "--text", "abcab");
        assertError("has the character \"z\" (position 1)", "translate", "--model", model.toString(), "--text", "az");
        assertError("translate needs --model FILE and --text TEXT", "translate", "--text", "ab");
        assertError("--beam must be at least 1, got 0", "translate", "--model", model.toString(), "--text", "ab", "--beam", "0");
        assertError("--attention-map: this model has no attention", "translate", "--model", plain.toString(), "--text", "ab",
                "--attention-map", dir.resolve("x.png").toString());
        assertError("use a .png or .svg file name", "translate", "--model", model.toString(), "--text", "ab",
                "--attention-map", dir.resolve("x.gif").toString());
    }

    @Test
    void trainingErrorsAreNamed() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "ab\tba\nno tab\n");
        Path out = dir.resolve("never.safetensors");
        assertError("bad.tsv line 2 is not source<TAB>target", "translate", "train", "--pairs", bad.toString(), "--out", out.toString());
        assertError("unknown --level 'byte'; choose char or word", "translate", "train", "--pairs", bad.toString(), "--level",
                "byte", "--out", out.toString());
        assertError("unknown attention 'global'; choose one of none, bahdanau, luong", "translate", "train", "--pairs",
                bad.toString(), "--attention", "global", "--out", out.toString());
        assertError("--validation-split must be in [0, 1), got 1.5", "translate", "train", "--pairs", bad.toString(),
                "--validation-split", "1.5", "--out", out.toString());
        assertTrue(Files.notExists(out));
    }

    @Test
    void bidirectionalWithValidation() throws Exception {
        Path pairs = dir.resolve("rev2.tsv");
        Files.writeString(pairs, "ab\tba\nabc\tcba\nca\tac\nbca\tacb\ncab\tbac\nb\tb\nbb\tbb\nac\tca\n");
        Path out = dir.resolve("bi.safetensors");
        Cli.Run r = Cli.run("translate", "train", "--pairs", pairs.toString(), "--bidirectional", "--units", "8",
                "--embedding", "4", "--epochs", "3", "--validation-split", "0.25", "--out", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("training on 6 pairs, validating on 2"), r.all());
        assertTrue(r.err().contains("epoch 3/3 loss ") && r.err().contains(" val_loss "), r.all());
        assertEquals(0, Cli.run("translate", "--model", out.toString(), "--text", "ab").exit());
    }

    @Test
    void benchmarksNeedTheirData() {
        assertError("g2p: ", "bench", "g2p", "--data", dir.resolve("missing.tsv").toString());
        assertError("unknown attention 'x'", "bench", "addition", "--attention", "x");
        assertError("addition: need at least 10 examples", "bench", "addition", "--examples", "5");
    }

    private static void assertError(String part, String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(part), r.all());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.all());
    }
}
