package dev.recur.train;

import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Sequential;
import dev.recur.optim.Adam;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.recur.train.FitOptionsTest.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Model files: a saved model loads back exactly, with its provenance; a file that does not match is refused. */
class ModelFileTest {

    @TempDir
    Path dir;

    private Trainer trained() {
        Tensor[] data = Problems.blobs(30, 4);
        Trainer t = Trainer.compile(Problems.classifier(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults());
        t.fit(data[0], data[1], FitOptions.defaults().withEpochs(2).withBatchSize(10).withSeed(9));
        return t;
    }

    @Test
    void aSavedModelLoadsBackAndPredictsIdentically() {
        Trainer t = trained();
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(t.model(), file, new ModelFile.Provenance(9L, "blobs, 30 samples"));

        ModelFile.Loaded loaded = ModelFile.load(file);
        assertEquals(t.model().spec(), loaded.model().spec());
        assertArrayEquals(new int[]{2}, loaded.inputShape());
        assertEquals(new ModelFile.Provenance(9L, "blobs, 30 samples"), loaded.provenance());
        assertEquals(ModelFile.LIBRARY_VERSION, loaded.libraryVersion());
        Tensor x = Problems.blobs(12, 8)[0];
        Trainer again = Trainer.compile(loaded.model(), SparseCategoricalCrossEntropy.fromLogits(), Adam.defaults());
        assertEquals(0.0, t.predict(x, 5).maxAbsDiff(again.predict(x, 5)));
    }

    @Test
    void attachmentsTravelWithTheModel() {
        Trainer t = trained();
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(t.model(), file, ModelFile.Provenance.unknown(),
                Map.of("tokenizer", "{\"level\":\"char\"}", "labels", "[\"neg\",\"pos\"]"));

        ModelFile.Loaded loaded = ModelFile.load(file);
        assertEquals(Map.of("tokenizer", "{\"level\":\"char\"}", "labels", "[\"neg\",\"pos\"]"), loaded.attachments());
        assertEquals("[\"neg\",\"pos\"]", loaded.attachment("labels"));
        assertEquals("The model file has no attachment 'scaler' (it has [labels, tokenizer]). Possible cause: it was"
                + " saved by another task or by plain ModelFile.save; use a model file written by the command that"
                + " reads it", message(() -> loaded.attachment("scaler")));
    }

    @Test
    void aModelWithoutAttachmentsHasNone() {
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(trained().model(), file, ModelFile.Provenance.unknown());
        assertEquals(Map.of(), ModelFile.load(file).attachments());
    }

    @Test
    void badAttachmentsAreRefusedBeforeAnythingIsWritten() {
        Trainer t = trained();
        Path file = dir.resolve("model.safetensors");
        assertEquals("save: attachment name \"my vocab\" must be letters, digits, '_', '.' or '-'; rename it",
                message(() -> ModelFile.save(t.model(), file, ModelFile.Provenance.unknown(), Map.of("my vocab", "x"))));
        java.util.Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("vocab", null);
        assertEquals("save: attachment 'vocab' is null; pass a string (for example JSON) or leave it out",
                message(() -> ModelFile.save(t.model(), file, ModelFile.Provenance.unknown(), withNull)));
        assertEquals(false, Files.exists(file));
    }

    @Test
    void theMetadataDescribesTheModel() {
        Trainer t = trained();
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(t.model(), file, ModelFile.Provenance.unknown());
        SafeTensorsFile f = SafeTensors.read(file);
        assertEquals("{\"format\":\"recur.model\",\"version\":1,\"class\":\"Sequential\","
                + "\"spec\":\"Input(2) Dense(8, activation=tanh) Dense(3)\",\"input_shape\":[2],\"dtype\":\"float32\"}",
                f.metadata().get(SafeTensors.CONFIG_KEY));
        assertEquals("model", f.metadata().get(ModelFile.KIND_KEY));
        assertEquals("1", f.metadata().get(SafeTensors.FORMAT_VERSION_KEY));
        assertEquals(null, f.metadata().get(SafeTensors.SEED_KEY), "an unknown seed is not written");
        assertEquals(java.util.List.of("dense/bias", "dense/kernel", "dense_1/bias", "dense_1/kernel"),
                f.names().stream().sorted().toList());
        assertEquals(new ModelFile.Provenance(null, ""), ModelFile.load(file).provenance());
    }

    @Test
    void float64ModelsKeepTheirType() {
        Sequential m = new Sequential(new Dense(2));
        m.build(new BuildContext(DType.FLOAT64, new SplittableRandom(1)), 3);
        Path file = dir.resolve("f64.safetensors");
        ModelFile.save(m, file, ModelFile.Provenance.unknown());
        Sequential back = (Sequential) ModelFile.load(file).model();
        assertEquals(DType.FLOAT64, back.parameters().getFirst().value().dtype());
        assertEquals(0.0, m.parameters().getFirst().value().maxAbsDiff(back.parameters().getFirst().value()));
    }

    @Test
    void frozenLayersAreSavedAndStayFrozen() {
        Dense frozen = new Dense(4, dev.recur.nn.Activation.TANH);
        frozen.setTrainable(false);
        Sequential m = new Sequential(frozen, new Dense(1));
        m.build(new BuildContext(DType.FLOAT32, new SplittableRandom(2)), 3);
        Tensor before = m.weights().getFirst().value().copy();
        Tensor x = Problems.linearX(20, 1);
        Trainer t = Trainer.compile(m, new dev.recur.loss.MeanSquaredError(), Adam.defaults());
        t.fit(x, Problems.linearY(x), FitOptions.defaults().withEpochs(2).withBatchSize(5));
        assertEquals(0.0, before.maxAbsDiff(m.weights().getFirst().value()), "a frozen layer is not trained");
        assertEquals(2, t.optimizer().parameters().size(), "the optimizer holds the trainable weights only");

        Path file = dir.resolve("frozen.safetensors");
        ModelFile.save(m, file, ModelFile.Provenance.unknown());
        assertEquals(4, SafeTensors.read(file).names().size(), "frozen weights are saved too");
        Sequential back = (Sequential) ModelFile.load(file).model();
        assertEquals(false, back.layers().getFirst().isTrainable());
        assertEquals(0.0, t.predict(x, 20).maxAbsDiff(back.predict(x)));
    }

    @Test
    void theLibraryVersionIsTheMavenVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertEquals(true, m.find(), "recur-core/pom.xml names its parent's version");
        assertEquals(m.group(1), ModelFile.LIBRARY_VERSION);
    }

    @Test
    void savingNeedsABuiltModelWithPlainNames() {
        assertEquals("save: the model is not built, so it has no weights yet; build it (model.build(...)) or train it"
                + " first", assertThrows(IllegalStateException.class, () -> ModelFile.save(new Sequential(new Dense(1)),
                dir.resolve("m.safetensors"), ModelFile.Provenance.unknown())).getMessage());
        Dense odd = new Dense(1);
        odd.setName("@odd");
        Sequential m = new Sequential(odd);
        m.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), 2);
        assertEquals("save: parameter name '@odd/kernel' starts with '@', which checkpoints reserve; rename its layer",
                message(() -> ModelFile.save(m, dir.resolve("m.safetensors"), ModelFile.Provenance.unknown())));
    }

    // ---- files that do not match ---------------------------------------------------------------

    private static final String CONFIG = "{\"format\":\"recur.model\",\"version\":1,\"class\":\"Sequential\","
            + "\"spec\":\"Dense(2)\",\"input_shape\":[3],\"dtype\":\"float32\"}";

    private Path write(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Path file = dir.resolve("bad.safetensors");
        SafeTensors.write(file, tensors, metadata);
        return file;
    }

    private static Map<String, Tensor> weights() {
        return Map.of("dense/kernel", Tensor.zeros(3, 2), "dense/bias", Tensor.zeros(2));
    }

    private String loadMessage(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Path file = write(tensors, metadata);
        String m = message(() -> ModelFile.load(file));
        String prefix = "Cannot load " + file + ": ";
        assertEquals(prefix, m.substring(0, Math.min(m.length(), prefix.length())), m);
        return m.substring(prefix.length());
    }

    @Test
    void aPlainSafetensorsFileIsNotAModel() {
        assertEquals("it has no model configuration (metadata recur.config), so it is a plain safetensors file rather"
                + " than a Recur model. Possible cause: it was written by another tool; load its tensors with"
                + " SafeTensors.read instead", loadMessage(weights(), Map.of()));
    }

    @Test
    void aDamagedOrForeignConfigurationIsRefused() {
        assertEquals("the model configuration is empty; expected a JSON object",
                loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY, "null")));
        String json = loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY, "[1, 2]"));
        assertEquals("the model configuration is not a valid JSON object (", json.substring(0, 52), json);
        assertEquals("model configuration: format is \"keras\" but \"recur.model\" was expected; this map holds some other"
                + " kind of configuration", loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY,
                CONFIG.replace("recur.model", "keras"))));
        assertEquals("its model class is \"Functional\", and this release loads Sequential models only. Possible cause:"
                + " it was saved by a newer Recur release", loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY,
                CONFIG.replace("Sequential", "Functional"))));
        assertEquals("its model configuration has dtype \"int8\"; expected float32 or float64",
                loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY, CONFIG.replace("float32", "int8"))));
        String m = loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY, CONFIG.replace("Dense(2)", "Nope(2)")));
        String start = "its model specification \"Nope(2)\" with input shape [3] cannot be rebuilt: unknown layer 'Nope'";
        assertEquals(start, m.substring(0, start.length()));
        assertEquals(". Possible cause: the file was saved by a release with other layers", m.substring(m.length() - 67));
        assertEquals("its model specification \"Input(4) Dense(2)\" declares input shape [4] but the configuration"
                + " says [3]; the file is damaged", loadMessage(weights(), Map.of(SafeTensors.CONFIG_KEY,
                CONFIG.replace("Dense(2)", "Input(4) Dense(2)"))));
        assertEquals("the metadata recur.seed is \"forty-two\", not a whole number", loadMessage(weights(),
                Map.of(SafeTensors.CONFIG_KEY, CONFIG, SafeTensors.SEED_KEY, "forty-two")));
    }

    @Test
    void everyWeightIsCheckedByNameShapeAndType() {
        Map<String, String> meta = Map.of(SafeTensors.CONFIG_KEY, CONFIG);
        assertEquals("the model Dense(2) has weight 'dense/bias' [2] but the file has no tensor of that name. Possible"
                + " cause: the file was edited or written for another model",
                loadMessage(Map.of("dense/kernel", Tensor.zeros(3, 2)), meta));
        assertEquals("weight 'dense/kernel' is F32 [2, 3] in the file but the model Dense(2) needs F32 [3, 2]. Possible"
                + " cause: the file was edited or written for another model",
                loadMessage(Map.of("dense/kernel", Tensor.zeros(2, 3), "dense/bias", Tensor.zeros(2)), meta));
        assertEquals("weight 'dense/bias' is F64 [2] in the file but the model Dense(2) needs F32 [2]. Possible cause:"
                + " the file was edited or written for another model",
                loadMessage(Map.of("dense/kernel", Tensor.zeros(3, 2), "dense/bias", Tensor.zeros(DType.FLOAT64, 2)), meta));
        assertEquals("it has tensors the model Dense(2) does not: [extra]. Possible cause: the file was edited or written"
                + " for another model", loadMessage(Map.of("dense/kernel", Tensor.zeros(3, 2), "dense/bias",
                Tensor.zeros(2), "extra", Tensor.zeros(1)), meta));
    }
}
