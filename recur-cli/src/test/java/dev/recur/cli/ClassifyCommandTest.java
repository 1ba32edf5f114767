package dev.recur.cli;

import dev.recur.tasks.classify.TextClassifier;
import dev.recur.train.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code recur classify train | predict | evaluate} on a tiny separable sentiment file. */
class ClassifyCommandTest {

    @TempDir
    Path dir;

    private Path tsv;
    private Path sentences;
    private Path model;

    /** "great" or "awful" decides; the rest is shared filler. */
    @BeforeEach
    void writeData() {
        StringBuilder withHeader = new StringBuilder("id\tsentiment\treview\n");
        StringBuilder headerless = new StringBuilder();
        String[] filler = {"the film was", "this movie is", "acting felt", "plot seemed"};
        for (int i = 0; i < 24; i++) {
            boolean pos = i % 2 == 0;
            String text = filler[i % 4] + (pos ? " great" : " awful") + "<br />" + filler[(i + 1) % 4];
            withHeader.append(i).append('\t').append(pos ? "pos" : "neg").append('\t').append(text).append('\n');
            headerless.append(text).append(" \t").append(pos ? 1 : 0).append('\n');
        }
        tsv = Cli.write(dir.resolve("reviews.tsv"), withHeader.toString());
        sentences = Cli.write(dir.resolve("sentences.txt"), headerless.toString());
        model = dir.resolve("m.safetensors");
    }

    private Cli.Run train(String... extra) {
        return train(25, extra);
    }

    private Cli.Run train(int epochs, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("classify", "train", "--data", tsv.toString(),
                "--label-column", "sentiment", "--text-column", "review", "--num-words", "50", "--maxlen", "8",
                "--epochs", Integer.toString(epochs), "--batch-size", "8", "--optimizer", "rmsprop", "--lr", "0.02", "--out", model.toString(),
                "--quiet"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void trainPredictEvaluateRoundTrip() {
        Cli.Run t = train("--layers", "", "--vectorization", "multi_hot");
        assertEquals(0, t.exit(), t.all());
        assertTrue(t.out().contains("labels [neg, pos]"), t.out());
        assertTrue(Files.isRegularFile(model));
        Cli.Run p = Cli.run("classify", "predict", "--model", model.toString(), "--text", "a great film", "--text",
                "an awful plot");
        assertEquals(0, p.exit(), p.all());
        String[] lines = p.out().strip().split("\\R");
        assertEquals(2, lines.length, p.out());
        assertTrue(lines[0].startsWith("pos\t"), p.out());
        assertTrue(lines[1].startsWith("neg\t"), p.out());
        double probability = Double.parseDouble(lines[0].split("\t")[1]);
        TextClassifier loaded = TextClassifier.load(model);
        assertEquals(String.format(Locale.ROOT, "%.4f", loaded.predict("a great film").probability()),
                lines[0].split("\t")[1]);
        assertTrue(probability > 0.5);

        Cli.Run e = Cli.run("classify", "evaluate", "--model", model.toString(), "--data", tsv.toString(),
                "--label-column", "sentiment", "--text-column", "review", "--json");
        assertEquals(0, e.exit(), e.all());
        Map<String, Object> json = Json.readObject(e.out(), "evaluate output");
        for (String key : List.of("accuracy", "precision", "recall", "f1", "confusion")) {
            assertTrue(json.containsKey(key), key + " in " + e.out());
        }
        assertEquals(1.0, (Double) json.get("accuracy"));
        assertEquals(List.of(List.of(12.0, 0.0), List.of(0.0, 12.0)), json.get("confusion"));

        Cli.Run table = Cli.run("classify", "evaluate", "--model", model.toString(), "--data", tsv.toString(),
                "--label-column", "sentiment", "--text-column", "review");
        assertTrue(table.out().contains("accuracy  1.0000"), table.out());
    }

    @Test
    void headerlessSentencesTrainARecurrentModelWithAHeldOutSplit() {
        Cli.Run t = Cli.run("classify", "train", "--data", sentences.toString(), "--no-header", "--layers", "GRU(4)",
                "--maxlen", "8", "--epochs", "2", "--batch-size", "8", "--test-split", "0.25", "--out", model.toString(),
                "--quiet");
        assertEquals(0, t.exit(), t.all());
        assertTrue(t.out().contains("Held-out test split (6 of 24 rows):"), t.out());
        assertTrue(t.out().contains("confusion (rows: true, columns: predicted)"), t.out());
        assertTrue(t.out().contains("Embedding(") && t.out().contains("GRU(4) Dense(1, activation=sigmoid)"), t.out());
    }

    @Test
    void predictFromAFileOfLines() {
        assertEquals(0, train("--layers", "", "--vectorization", "multi_hot").exit());
        Path lines = Cli.write(dir.resolve("texts.txt"), "great film\n\nzebra\nawful plot\n");
        Cli.Run p = Cli.run("classify", "predict", "--model", model.toString(), "--data", lines.toString());
        assertEquals(0, p.exit(), p.all());
        assertEquals(3, p.out().strip().split("\\R").length, p.out());
        assertTrue(p.err().contains("1 of 3 texts have no word of the model's vocabulary"), p.err());
    }

    @Test
    void userErrorsExitTwoWithOneLine() {
        assertEquals(0, train("--layers", "", "--vectorization", "multi_hot").exit());
        Cli.Run unknown = Cli.run("classify", "predict", "--model", model.toString(), "--text", "zebra quokka");
        assertEquals(2, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("none of the 2 words of \"zebra quokka\" is in the model's vocabulary"), unknown.err());
        assertFalse(unknown.err().contains("\tat "), unknown.err());

        Cli.Run empty = Cli.run("classify", "predict", "--model", model.toString(), "--text", " ");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("the text is empty"), empty.err());

        Cli.Run neither = Cli.run("classify", "predict", "--model", model.toString());
        assertTrue(neither.err().contains("give either --text TEXT (repeatable) or --data FILE"), neither.err());

        Cli.Run column = Cli.run("classify", "train", "--data", tsv.toString(), "--layers", "LSTM(2)", "--out",
                dir.resolve("x.safetensors").toString());
        assertEquals(2, column.exit());
        assertTrue(column.err().contains("no label column named \"label\"; the header has [id, sentiment, review]."
                + " Choose one with --label-column"), column.err());

        Cli.Run mismatch = train(1, "--layers", "Embedding(7, 4) LSTM(2)");
        assertEquals(2, mismatch.exit());
        assertTrue(mismatch.err().contains("vocabulary mismatch: the Embedding has input_dim 7"), mismatch.err());

        Cli.Run side = train(1, "--layers", "", "--padding", "middle");
        assertTrue(side.err().contains("--padding must be one of [pre, post], got 'middle'"), side.err());

        Cli.Run freeze = train(1, "--layers", "LSTM(2)", "--freeze-embeddings");
        assertTrue(freeze.err().contains("--freeze-embeddings needs --embeddings FILE"), freeze.err());

        Cli.Run labels = Cli.run("classify", "evaluate", "--model", model.toString(), "--data", sentences.toString(),
                "--no-header");
        assertEquals(2, labels.exit());
        assertTrue(labels.err().contains("has label \"1\", which is not one of the classifier's labels [neg, pos]"),
                labels.err());
    }

    @Test
    void pretrainedEmbeddingsAreReported() {
        Path vectors = Cli.write(dir.resolve("glove.txt"), "great 1 0 0\nawful -1 0 0\nfilm 0 1 0\nunrelated 0 0 1\n");
        Cli.Run t = train(1, "--layers", "LSTM(2)", "--embeddings", vectors.toString(), "--freeze-embeddings");
        assertEquals(0, t.exit(), t.all());
        assertTrue(t.out().contains("found 3 of "), t.out());
        assertTrue(t.out().contains("dim 3, frozen"), t.out());
        assertTrue(t.out().contains("Embedding(") && t.out().contains(", 3, mask_zero=true, trainable=false)"), t.out());
    }

    @Test
    void benchImdbNeedsItsData() {
        Cli.Run r = Cli.run("bench", "imdb", "--data-dir", dir.resolve("nowhere").toString(), "--quick");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("train.tsv not found"), r.err());
        Cli.Run bad = Cli.run("bench", "imdb", "--models", "transformer", "--data-dir", dir.toString());
        assertTrue(bad.err().contains("unknown text model 'transformer'"), bad.err());
    }
}
