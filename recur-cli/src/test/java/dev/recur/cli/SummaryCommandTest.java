package dev.recur.cli;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.train.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aSpecificationGetsKerasCounts() {
        Run r = run("summary", "--layers", "Input(3, 2) SimpleRNN(4)");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Total params: 28"), r.out());
        Run lstm = run("summary", "--layers", "Input(5, 1) LSTM(3) Dense(1)");
        assertTrue(lstm.out().contains("Total params: 64"), lstm.out());
    }

    @Test
    void aSavedModelIsSummarisedAsBuilt() {
        Sequential model = LayerRegistry.parseModel("Input(10, 4) GRU(8, return_sequences=true) Dense(2)").model();
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), 10, 4);
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(model, file, new ModelFile.Provenance(1L, "test"));
        Run r = run("summary", "--model", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(model.summary(), r.out());
    }

    @Test
    void aMissingModelFileIsNamed() {
        Run r = run("summary", "--model", dir.resolve("nope.safetensors").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.safetensors"), r.err());
    }

    @Test
    void layersAndModelAreExclusive() {
        Run r = run("summary", "--layers", "Input(3) Dense(1)", "--model", "x.safetensors");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }
}
