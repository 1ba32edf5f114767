package dev.recur.train;

import dev.recur.autodiff.Parameter;
import dev.recur.data.ConfigReader;
import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.io.SafeTensorsWriter;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Model;
import dev.recur.nn.Sequential;
import dev.recur.nn.graph.GraphConfig;
import dev.recur.nn.graph.GraphModel;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A model on disk: one {@code .safetensors} file (DESIGN.md "Files on disk"). The weights are
 * stored under their parameter names ({@code dense/kernel}); the header's metadata holds the
 * model's configuration as JSON ({@value #CONFIG_FORMAT}: the layers' specification, the input
 * shape and the element type), the file format version, the library version, and the provenance
 * (seed, data description). Nothing is Java-serialized.
 *
 * <p>{@link #load} rebuilds the model exactly: specification to layers, built for the stored input
 * shape, then every weight, trainable or frozen (the specification marks frozen layers with
 * {@code trainable=false}), copied in after its name, shape and type are checked. A file that does
 * not match is rejected with a message naming the file and the problem. A checkpoint file loads as
 * a model too (its optimizer and progress tensors are skipped).
 */
public final class ModelFile {

    /** The library version recorded in every file (the Maven project version). */
    public static final String LIBRARY_VERSION = "0.1.0-SNAPSHOT";
    /** The {@code format} of the configuration JSON. */
    public static final String CONFIG_FORMAT = "recur.model";
    /** The newest configuration version this release writes and reads. */
    public static final int CONFIG_VERSION = 1;
    /** Metadata key telling a model file ({@value #KIND_MODEL}) from a checkpoint ({@value #KIND_CHECKPOINT}). */
    public static final String KIND_KEY = "recur.kind";
    public static final String KIND_MODEL = "model";
    public static final String KIND_CHECKPOINT = "checkpoint";
    /** Prefix of a checkpoint's tensors that are not weights (optimizer state, callback state). */
    static final String INTERNAL_PREFIX = "@";
    /** Metadata key prefix of a named attachment (a tokenizer, a scaler, a task's configuration). */
    public static final String ATTACHMENT_PREFIX = "recur.attachment.";
    private static final java.util.regex.Pattern ATTACHMENT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * Where a model came from, recorded in its file.
     *
     * @param seed the training run's seed, or null if unknown
     * @param data a description of the training data; may be empty
     */
    public record Provenance(Long seed, String data) {
        public Provenance {
            data = data == null ? "" : data;
        }

        /** Nothing known. */
        public static Provenance unknown() {
            return new Provenance(null, "");
        }
    }

    /**
     * A model read from a file.
     *
     * @param model          rebuilt, with the stored weights
     * @param inputShape     the input shape it was built for (batch excluded); null for a graph of several inputs
     * @param provenance     seed and data description
     * @param libraryVersion the Recur version that wrote the file
     * @param attachments    the named strings saved with the model (usually JSON), empty when none
     */
    public record Loaded(Model model, int[] inputShape, Provenance provenance, String libraryVersion,
                         Map<String, String> attachments) {
        public Loaded {
            attachments = Map.copyOf(attachments);
        }

        /** The attachment of that name; an error naming the file's attachments when it has none of it. */
        public String attachment(String name) {
            String value = attachments.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The model file has no attachment '" + name + "' (it has "
                        + (attachments.isEmpty() ? "none" : new TreeSet<>(attachments.keySet()).toString())
                        + "). Possible cause: it was saved by another task or by plain ModelFile.save; use a model"
                        + " file written by the command that reads it");
            }
            return value;
        }
    }

    private ModelFile() {
    }

    /** Saves a built model with its configuration and provenance, atomically. */
    public static void save(Model model, Path path, Provenance provenance) {
        save(model, path, provenance, Map.of());
    }

    /**
     * Saves a built model with named string attachments (a tokenizer's vocabulary, a scaler, a
     * task's settings, usually as JSON), so that one file carries everything needed to use the
     * model. Names are letters, digits, {@code _ . -}.
     */
    public static void save(Model model, Path path, Provenance provenance, Map<String, String> attachments) {
        SafeTensorsWriter w = writer(model, provenance, KIND_MODEL);
        for (Map.Entry<String, String> a : new java.util.TreeMap<>(attachments).entrySet()) {
            if (!ATTACHMENT_NAME.matcher(a.getKey()).matches()) {
                throw new IllegalArgumentException("save: attachment name \"" + a.getKey() + "\" must be letters,"
                        + " digits, '_', '.' or '-'; rename it");
            }
            if (a.getValue() == null) {
                throw new IllegalArgumentException("save: attachment '" + a.getKey() + "' is null; pass a string"
                        + " (for example JSON) or leave it out");
            }
            w.putMetadata(ATTACHMENT_PREFIX + a.getKey(), a.getValue());
        }
        w.write(path);
    }

    /** Reads a model file (or a checkpoint) and rebuilds the model. */
    public static Loaded load(Path path) {
        SafeTensorsFile file = SafeTensors.read(path);
        Model model = rebuild(file);
        Map<String, String> meta = file.metadata();
        String seed = meta.get(SafeTensors.SEED_KEY);
        Long parsed = null;
        if (seed != null) {
            try {
                parsed = Long.parseLong(seed);
            } catch (NumberFormatException e) {
                throw invalid(path, "the metadata " + SafeTensors.SEED_KEY + " is \"" + seed + "\", not a whole number");
            }
        }
        int[] inputShape = model instanceof GraphModel g && g.inputs().size() > 1 ? null : model.inputShape();
        Map<String, String> attachments = new LinkedHashMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith(ATTACHMENT_PREFIX)) {
                attachments.put(k.substring(ATTACHMENT_PREFIX.length()), v);
            }
        });
        return new Loaded(model, inputShape, new Provenance(parsed, meta.getOrDefault(SafeTensors.DATA_KEY, "")),
                meta.getOrDefault(SafeTensors.LIBRARY_VERSION_KEY, "unknown"), attachments);
    }

    // ---- shared with checkpoints --------------------------------------------------------------

    /** A writer holding the model's weights and metadata; checkpoints add their own entries. */
    static SafeTensorsWriter writer(Model model, Provenance provenance, String kind) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("save: the model is not built, so it has no weights yet; build it"
                    + " (model.build(...)) or train it first");
        }
        SafeTensorsWriter w = SafeTensors.writer();
        for (Parameter p : model.weights()) {
            if (p.name().startsWith(INTERNAL_PREFIX)) {
                throw new IllegalArgumentException("save: parameter name '" + p.name() + "' starts with '"
                        + INTERNAL_PREFIX + "', which checkpoints reserve; rename its layer");
            }
            w.put(p.name(), p.value());
        }
        w.putMetadata(KIND_KEY, kind);
        w.putMetadata(SafeTensors.CONFIG_KEY, configJson(model));
        w.putMetadata(SafeTensors.LIBRARY_VERSION_KEY, LIBRARY_VERSION);
        w.putMetadata(SafeTensors.DATA_KEY, provenance.data());
        if (provenance.seed() != null) {
            w.putMetadata(SafeTensors.SEED_KEY, Long.toString(provenance.seed()));
        }
        return w;
    }

    /** The configuration JSON of a built model. */
    static String configJson(Model model) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("format", CONFIG_FORMAT);
        config.put("version", CONFIG_VERSION);
        if (model instanceof GraphModel graph) {
            config.put("class", "Graph");
            config.put("graph", GraphConfig.toTree(graph));
        } else {
            config.put("class", "Sequential");
            config.put("spec", model.spec());
            config.put("input_shape", model.inputShape());
        }
        config.put("dtype", dtype(model).toString());
        return Json.write(config);
    }

    /** The element type of a model's weights (float32 when it has none). */
    static DType dtype(Model model) {
        List<Parameter> ps = model.weights();
        return ps.isEmpty() ? DType.FLOAT32 : ps.getFirst().value().dtype();
    }

    /** The model a file describes, built, with its weights copied in and checked. */
    static Model rebuild(SafeTensorsFile file) {
        Path path = file.path();
        String json = file.metadata().get(SafeTensors.CONFIG_KEY);
        if (json == null) {
            throw invalid(path, "it has no model configuration (metadata " + SafeTensors.CONFIG_KEY
                    + "), so it is a plain safetensors file rather than a Recur model. Possible cause: it was written"
                    + " by another tool; load its tensors with SafeTensors.read instead");
        }
        ConfigReader config;
        try {
            config = new ConfigReader("Cannot load " + path + ": model configuration", Json.readObject(json, "the model"
                    + " configuration"));
            config.requireFormat(CONFIG_FORMAT, CONFIG_VERSION);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
        String cls = config.string("class");
        if (cls.equals("Graph")) {
            return rebuildGraph(file, json);
        }
        if (!cls.equals("Sequential")) {
            throw invalid(path, "its model class is \"" + cls + "\", and this release loads Sequential models only."
                    + " Possible cause: it was saved by a newer Recur release");
        }
        String spec = config.string("spec");
        int[] inputShape = Arrays.stream(config.integers("input_shape")).mapToInt(Math::toIntExact).toArray();
        String dtypeName = config.string("dtype");
        DType dtype = Arrays.stream(DType.values()).filter(d -> d.toString().equals(dtypeName)).findFirst()
                .orElseThrow(() -> invalid(path, "its model configuration has dtype \"" + dtypeName
                        + "\"; expected float32 or float64"));
        Sequential model;
        int[] declared;
        try {
            LayerRegistry.ModelSpec parsed = LayerRegistry.parseModel(spec);
            declared = parsed.inputShape();
            model = parsed.model();
            if (declared == null || Arrays.equals(declared, inputShape)) {
                model.build(new BuildContext(dtype, new SplittableRandom(0)), inputShape); // weights are overwritten below
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(path, "its model specification \"" + spec + "\" with input shape " + Shapes.str(inputShape)
                    + " cannot be rebuilt: " + e.getMessage() + ". Possible cause: the file was saved by a release with"
                    + " other layers");
        }
        if (declared != null && !Arrays.equals(declared, inputShape)) {
            throw invalid(path, "its model specification \"" + spec + "\" declares input shape " + Shapes.str(declared)
                    + " but the configuration says " + Shapes.str(inputShape) + "; the file is damaged");
        }
        copyWeights(file, model, spec);
        return model;
    }

    /** A graph model from its configuration ({@link GraphConfig}), built for its recorded input shapes, weights copied in. */
    private static Model rebuildGraph(SafeTensorsFile file, String json) {
        Path path = file.path();
        GraphModel model;
        try {
            com.google.gson.JsonObject root = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
            String dtypeName = root.get("dtype").getAsString();
            DType dtype = Arrays.stream(DType.values()).filter(d -> d.toString().equals(dtypeName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("dtype \"" + dtypeName + "\" is neither float32 nor"
                            + " float64"));
            com.google.gson.JsonObject graph = root.getAsJsonObject("graph");
            model = GraphConfig.fromTree(graph);
            model.build(new BuildContext(dtype, new SplittableRandom(0)), GraphConfig.builtShapes(graph));
        } catch (RuntimeException e) {
            throw invalid(path, "its graph configuration cannot be rebuilt: " + e.getMessage() + ". Possible cause:"
                    + " the file was saved by a release with other layers, or edited");
        }
        copyWeights(file, model, "graph " + model.name());
        return model;
    }

    /**
     * Copies the file's weights into a built model after checking, for every parameter, that the
     * file has it with the same shape and type, and that the file has no other weights; on error
     * the model is unchanged.
     */
    static void copyWeights(SafeTensorsFile file, Model model, String spec) {
        Path path = file.path();
        boolean checkpoint = KIND_CHECKPOINT.equals(file.metadata().get(KIND_KEY));
        TreeSet<String> unexpected = new TreeSet<>();
        for (String name : file.names()) {
            if (!(checkpoint && name.startsWith(INTERNAL_PREFIX))) {
                unexpected.add(name);
            }
        }
        for (Parameter p : model.weights()) {
            Tensor w = p.value();
            if (!unexpected.remove(p.name())) {
                throw invalid(path, "the model " + spec + " has weight '" + p.name() + "' " + w.shapeString()
                        + " but the file has no tensor of that name. Possible cause: the file was edited or written for"
                        + " another model");
            }
            int[] stored = file.shape(p.name());
            String storedType = file.dtype(p.name()).code();
            String expectedType = w.dtype() == DType.FLOAT32 ? "F32" : "F64";
            if (!Arrays.equals(stored, w.shape()) || !storedType.equals(expectedType)) {
                throw invalid(path, "weight '" + p.name() + "' is " + storedType + " " + Shapes.str(stored)
                        + " in the file but the model " + spec + " needs " + expectedType + " " + w.shapeString()
                        + ". Possible cause: the file was edited or written for another model");
            }
        }
        if (!unexpected.isEmpty()) {
            throw invalid(path, "it has tensors the model " + spec + " does not: " + unexpected
                    + ". Possible cause: the file was edited or written for another model");
        }
        for (Parameter p : model.weights()) {
            p.value().copyFrom(file.tensor(p.name()));
        }
    }

    static IllegalArgumentException invalid(Path path, String problem) {
        String prefix = "Cannot load " + path + ": ";
        return new IllegalArgumentException(problem.startsWith(prefix) ? problem : prefix + problem);
    }
}
