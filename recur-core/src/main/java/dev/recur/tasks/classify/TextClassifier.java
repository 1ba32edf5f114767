package dev.recur.tasks.classify;

import dev.recur.data.ConfigReader;
import dev.recur.data.text.Vocabulary;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Embedding;
import dev.recur.nn.Layer;
import dev.recur.nn.Model;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.optim.OptimizerConfig;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.Json;
import dev.recur.train.ModelFile;
import dev.recur.train.RandomStreams;
import dev.recur.train.Trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text classifier: a model, the {@link TextEncoder} that turns texts into its inputs, and the
 * class names. Two classes use one sigmoid output (the probability of the second class in sorted
 * order, e.g. {@code "1"} or {@code "pos"}) and binary cross-entropy; more use a softmax and
 * sparse categorical cross-entropy. {@link #save} writes all of it into one model file (the
 * encoder and labels as the {@value #ATTACHMENT} attachment); {@link #load} restores it and
 * checks that the parts fit together.
 */
public final class TextClassifier {

    /** The model-file attachment holding the encoder and the labels. */
    public static final String ATTACHMENT = "recur.tasks.classify";
    private static final String FORMAT = "recur.tasks.classify.TextClassifier";
    private static final int VERSION = 1;
    private static final int PREDICT_BATCH = 256;

    /**
     * One text's prediction.
     *
     * @param label         the most probable class
     * @param probability   its probability
     * @param probabilities every class's, in label order
     */
    public record Prediction(String label, double probability, double[] probabilities) {
    }

    private final Sequential model;
    private final TextEncoder encoder;
    private final List<String> labels;
    private final Map<String, Integer> classOf;

    private TextClassifier(Sequential model, TextEncoder encoder, List<String> labels, String source) {
        this.model = model;
        this.encoder = encoder;
        this.labels = List.copyOf(labels);
        this.classOf = new HashMap<>();
        for (String l : labels) {
            classOf.put(l, classOf.size());
        }
        checkFits(source);
    }

    /**
     * A new classifier built with weights drawn from {@code seed}; {@code layers} as in
     * {@link TextModels#complete} (an embedding and a head are added when missing).
     */
    public static TextClassifier create(String layers, TextEncoder encoder, List<String> labels, int embeddingDim, long seed) {
        String spec = TextModels.complete(layers, encoder, embeddingDim, labels.size());
        Sequential m = LayerRegistry.parseModel(spec).model();
        Layer first = m.layers().getFirst();
        if (first instanceof Embedding e && e.inputDim() != encoder.vocabulary().size()) {
            throw new IllegalArgumentException(mismatch(e.inputDim(), encoder.vocabulary().size(), "the layers"));
        }
        m.build(new BuildContext(DType.FLOAT32, new RandomStreams(seed).init()), encoder.inputShape());
        return new TextClassifier(m, encoder, labels, "the layers");
    }

    public Sequential model() {
        return model;
    }

    public TextEncoder encoder() {
        return encoder;
    }

    public List<String> labels() {
        return labels;
    }

    /** Compiled for this head: binary or sparse categorical cross-entropy, with accuracy. */
    public Trainer compile(OptimizerConfig optimizer) {
        return labels.size() == 2
                ? Trainer.compile(model, dev.recur.loss.BinaryCrossEntropy.fromProbabilities(), optimizer,
                dev.recur.train.Metrics.binaryAccuracy())
                : Trainer.compile(model, dev.recur.loss.SparseCategoricalCrossEntropy.fromProbabilities(), optimizer,
                dev.recur.train.Metrics.accuracy());
    }

    /** Trains on {@code data} (in its order: shuffle a file sorted by label before a validation split). */
    public History fit(LabeledTexts data, OptimizerConfig optimizer, FitOptions options) {
        return compile(optimizer).fit(encoder.encode(data.texts()), targets(data), options);
    }

    /** The targets of {@code data}: {@code [N, 1]} of 0 and 1 for two classes, else {@code [N]} class indices. */
    public Tensor targets(LabeledTexts data) {
        int[] classes = classes(data);
        Tensor y = labels.size() == 2 ? Tensor.zeros(classes.length, 1) : Tensor.zeros(classes.length);
        float[] v = y.floats();
        for (int i = 0; i < classes.length; i++) {
            v[i] = classes[i];
        }
        return y;
    }

    /** The class index of each label of {@code data}; an error names a label the classifier does not know. */
    public int[] classes(LabeledTexts data) {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            Integer c = classOf.get(data.labels().get(i));
            if (c == null) {
                throw new IllegalArgumentException(data.source() + ": sample " + i + " has label \"" + data.labels().get(i)
                        + "\", which is not one of the classifier's labels " + labels + ". Possible cause: another"
                        + " data set or label column than the model was trained on");
            }
            out[i] = c;
        }
        return out;
    }

    /**
     * One text's prediction; an error if the text is empty or has no word of the vocabulary (the
     * model would see nothing but padding or unknown-word indices).
     */
    public Prediction predict(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("predict: the text is empty; give at least one word");
        }
        List<String> words = encoder.words(text);
        Vocabulary v = encoder.vocabulary();
        if (words.stream().noneMatch(v::contains)) {
            throw new IllegalArgumentException("predict: none of the " + words.size() + " words of \"" + abbreviate(text)
                    + "\" is in the model's vocabulary of " + v.tokens().size() + " words, so the model would see only"
                    + " unknown-word indices; use words of the training data's language and domain");
        }
        return predictAll(List.of(text)).getFirst();
    }

    /** The predictions of many texts, with no check of their words. */
    public List<Prediction> predictAll(List<String> texts) {
        Tensor x = encoder.encode(texts);
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += PREDICT_BATCH) {
            Tensor p = model.predict(x.slice(0, start, Math.min(texts.size(), start + PREDICT_BATCH))); // [b, 1] or [b, k]
            for (int b = 0; b < p.dim(0); b++) {
                double[] probs = new double[labels.size()];
                if (labels.size() == 2) {
                    probs[1] = p.get(b, 0);
                    probs[0] = 1 - probs[1];
                } else {
                    for (int k = 0; k < probs.length; k++) {
                        probs[k] = p.get(b, k);
                    }
                }
                int best = 0;
                for (int k = 1; k < probs.length; k++) {
                    best = probs[k] > probs[best] ? k : best;
                }
                out.add(new Prediction(labels.get(best), probs[best], probs));
            }
        }
        return out;
    }

    /** Accuracy, precision, recall, F1 and the confusion matrix on {@code data}. */
    public ClassificationReport evaluate(LabeledTexts data) {
        int[] actual = classes(data);
        List<Prediction> p = predictAll(data.texts());
        int[] predicted = new int[p.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = classOf.get(p.get(i).label());
        }
        return ClassificationReport.of(labels, actual, predicted);
    }

    /** How many of {@code texts} have no word of the vocabulary (empty ones included). */
    public int countWithoutKnownWords(List<String> texts) {
        Vocabulary v = encoder.vocabulary();
        return (int) texts.stream().filter(t -> encoder.words(t).stream().noneMatch(v::contains)).count();
    }

    /** Saves model, encoder and labels into one file, atomically. */
    public void save(Path path, ModelFile.Provenance provenance) {
        ModelFile.save(model, path, provenance, Map.of(ATTACHMENT, attachment()));
    }

    /** The encoder and labels as the JSON text of the {@value #ATTACHMENT} attachment ({@link #load} reads it back). */
    public String attachment() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("format", FORMAT);
        config.put("version", VERSION);
        config.put("labels", labels);
        config.put("encoder", encoder.toConfig());
        return Json.write(config);
    }

    /** A classifier saved by {@link #save}. */
    public static TextClassifier load(Path path) {
        ModelFile.Loaded loaded = ModelFile.load(path);
        Map<String, Object> config = Json.readObject(loaded.attachment(ATTACHMENT), path + ": attachment " + ATTACHMENT);
        ConfigReader r = new ConfigReader(path + ": classifier config", config);
        r.requireFormat(FORMAT, VERSION);
        if (!(config.get("encoder") instanceof Map<?, ?> enc)) {
            throw r.error("\"encoder\" must be an object");
        }
        @SuppressWarnings("unchecked")
        TextEncoder encoder = TextEncoder.fromConfig((Map<String, ?>) enc);
        if (!(loaded.model() instanceof Sequential s)) {
            throw new IllegalArgumentException(path + ": the classifier's model must be Sequential but is "
                    + loaded.model().getClass().getSimpleName());
        }
        return new TextClassifier(s, encoder, r.strings("labels"), path.toString());
    }

    /** Checks that model, encoder and labels fit together. */
    private void checkFits(String source) {
        if (labels.size() < 2 || classOf.size() != labels.size()) {
            throw new IllegalArgumentException(source + ": a classifier needs 2 or more distinct labels, got " + labels);
        }
        int[] in = model.inputShape();
        if (!Arrays.equals(in, encoder.inputShape())) {
            throw new IllegalArgumentException(source + ": the model takes inputs of shape " + Arrays.toString(in)
                    + " but the text encoder makes " + Arrays.toString(encoder.inputShape()) + " (" + encoder.options().vectorization()
                    + "). Possible cause: a model file whose vocabulary or maxlen was changed");
        }
        if (model.layers().getFirst() instanceof Embedding e && e.inputDim() != encoder.vocabulary().size()) {
            throw new IllegalArgumentException(mismatch(e.inputDim(), encoder.vocabulary().size(), source));
        }
        int outputs = model.outputShape()[model.outputShape().length - 1];
        int expected = labels.size() == 2 ? 1 : labels.size();
        if (outputs != expected) {
            throw new IllegalArgumentException(source + ": the model has " + outputs + " outputs but " + labels.size()
                    + " labels " + labels + " need " + expected + (expected == 1 ? " (a sigmoid)" : " (a softmax)")
                    + "; end the layers with Dense(" + expected + ", ...) or leave the head out");
        }
    }

    private static String mismatch(int inputDim, int vocabulary, String source) {
        return source + ": vocabulary mismatch: the Embedding has input_dim " + inputDim + " but the vocabulary has "
                + vocabulary + " indices (padding, OOV and words); they must be equal. Use Embedding(" + vocabulary
                + ", ...) or set the number of words to " + inputDim;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

}
