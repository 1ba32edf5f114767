package dev.recur.tasks.classify;

import dev.recur.optim.RmsProp;
import dev.recur.train.FitOptions;
import dev.recur.train.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training, prediction, evaluation, saving and the error messages of a text classifier, on tiny sets. */
class TextClassifierTest {

    /** Separable by one word each: "great" or "awful", among shared filler words. */
    static LabeledTexts tiny() {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String[] filler = {"the film was", "this movie is", "acting felt", "plot seemed", "overall it was"};
        for (int i = 0; i < 20; i++) {
            boolean pos = i % 2 == 0;
            texts.add(filler[i % filler.length] + (pos ? " great" : " awful") + " " + filler[(i + 2) % filler.length]);
            labels.add(pos ? "pos" : "neg");
        }
        return new LabeledTexts(texts, labels, "tiny");
    }

    private static TextEncoder.Options options(TextEncoder.Vectorization v) {
        return TextEncoder.Options.defaults().withNumWords(100).withMaxlen(8).withVectorization(v);
    }

    private static TextClassifier trained(String layers, TextEncoder.Vectorization v, int epochs) {
        LabeledTexts data = tiny();
        TextClassifier c = TextClassifier.create(layers, TextEncoder.fit(options(v), data.texts()), data.labelNames(), 8, 3);
        c.fit(data, RmsProp.defaults().withLearningRate(0.05), FitOptions.defaults().withEpochs(epochs).withBatchSize(4)
                .withSeed(1));
        return c;
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void bagOfWordsLogisticRegressionLearnsASeparableSet() {
        TextClassifier c = trained("", TextEncoder.Vectorization.MULTI_HOT, 30);
        assertEquals(1.0, c.evaluate(tiny()).accuracy());
        assertEquals("pos", c.predict("a great film").label());
        assertEquals("neg", c.predict("an awful film").label());
        assertTrue(c.predict("great").probability() > 0.5);
    }

    @Test
    void savedClassifierReloadsAndPredictsIdentically(@TempDir Path dir) {
        TextClassifier c = trained("GRU(4)", TextEncoder.Vectorization.SEQUENCE, 2);
        Path file = dir.resolve("c.safetensors");
        c.save(file, new ModelFile.Provenance(1L, "tiny"));
        TextClassifier back = TextClassifier.load(file);
        assertEquals(c.labels(), back.labels());
        assertEquals(c.model().spec(), back.model().spec());
        List<String> probe = List.of("the film was great", "awful awful plot", "unknown words only zebra great");
        for (int i = 0; i < probe.size(); i++) {
            assertArrayEquals(c.predictAll(probe).get(i).probabilities(), back.predictAll(probe).get(i).probabilities());
        }
        assertEquals(c.evaluate(tiny()).accuracy(), back.evaluate(tiny()).accuracy());
    }

    @Test
    void multiClassUsesASoftmaxHead() {
        LabeledTexts three = new LabeledTexts(List.of("red apple", "green leaf", "blue sky", "red fire", "green grass",
                "blue sea"), List.of("r", "g", "b", "r", "g", "b"), "colours");
        TextClassifier c = TextClassifier.create("LSTM(4)", TextEncoder.fit(options(TextEncoder.Vectorization.SEQUENCE),
                three.texts()), three.labelNames(), 4, 0);
        assertTrue(c.model().spec().endsWith("Dense(3, activation=softmax)"), c.model().spec());
        c.fit(three, RmsProp.defaults().withLearningRate(0.05), FitOptions.defaults().withEpochs(40).withBatchSize(6));
        assertEquals(1.0, c.evaluate(three).accuracy());
        assertEquals(3, c.predict("red").probabilities().length);
        assertEquals(1.0, java.util.Arrays.stream(c.predict("blue").probabilities()).sum(), 1e-5);
    }

    @Test
    void emptyTextsAndTextsOfOnlyUnknownWordsAreRefused() {
        TextClassifier c = trained("", TextEncoder.Vectorization.MULTI_HOT, 1);
        assertEquals("predict: the text is empty; give at least one word", error(() -> c.predict("  ")));
        assertTrue(error(() -> c.predict("Zebra, quokka!")).contains("none of the 2 words of \"Zebra, quokka!\" is in the"
                + " model's vocabulary"));
        assertEquals(1, c.countWithoutKnownWords(List.of("zebra", "great zebra")));
    }

    @Test
    void labelsTheModelDoesNotKnowAreNamed() {
        TextClassifier c = trained("", TextEncoder.Vectorization.MULTI_HOT, 1);
        LabeledTexts other = new LabeledTexts(List.of("great"), List.of("positive"), "other.tsv");
        assertTrue(error(() -> c.evaluate(other)).contains("other.tsv: sample 0 has label \"positive\", which is not one of"
                + " the classifier's labels [neg, pos]"));
    }

    @Test
    void vocabularyMismatchesAreNamed() {
        LabeledTexts data = tiny();
        TextEncoder e = TextEncoder.fit(options(TextEncoder.Vectorization.SEQUENCE), data.texts());
        int size = e.vocabulary().size();
        String m = error(() -> TextClassifier.create("Embedding(50, 8, mask_zero=true) LSTM(4)", e, data.labelNames(), 8, 0));
        assertTrue(m.contains("vocabulary mismatch: the Embedding has input_dim 50 but the vocabulary has " + size
                + " indices"), m);
        assertTrue(error(() -> TextClassifier.create("LSTM(4) Dense(3)", e, data.labelNames(), 8, 0))
                .contains("the model has 3 outputs but 2 labels [neg, pos] need 1 (a sigmoid)"));
        assertTrue(error(() -> TextClassifier.create("", e, List.of("only"), 8, 0)).contains("at least 2 classes"));
    }

    @Test
    void aModelFileWithAnotherVocabularyIsRefused(@TempDir Path dir) {
        TextClassifier c = trained("LSTM(2)", TextEncoder.Vectorization.SEQUENCE, 1);
        Path plain = dir.resolve("plain.safetensors");
        ModelFile.save(c.model(), plain, ModelFile.Provenance.unknown());
        assertTrue(error(() -> TextClassifier.load(plain)).contains("has no attachment 'recur.tasks.classify'"));
        // the same network saved with an encoder of a smaller vocabulary
        TextEncoder small = TextEncoder.fit(options(TextEncoder.Vectorization.SEQUENCE), List.of("great film"));
        Path swapped = dir.resolve("swapped.safetensors");
        ModelFile.save(c.model(), swapped, ModelFile.Provenance.unknown(), java.util.Map.of(TextClassifier.ATTACHMENT,
                dev.recur.train.Json.write(java.util.Map.of("format", "recur.tasks.classify.TextClassifier", "version", 1,
                        "labels", List.of("neg", "pos"), "encoder", small.toConfig()))));
        String m = error(() -> TextClassifier.load(swapped));
        assertTrue(m.contains("vocabulary mismatch: the Embedding has input_dim " + c.encoder().vocabulary().size()
                + " but the vocabulary has 4 indices"), m);
    }

    @Test
    void everyBenchKindBuildsAndPredicts() {
        LabeledTexts data = tiny();
        TextEncoder e = TextEncoder.fit(TextEncoder.Options.defaults().withNumWords(100).withMaxlen(60), data.texts());
        TextEncoder bow = TextEncoder.fit(options(TextEncoder.Vectorization.MULTI_HOT), data.texts());
        for (TextModels.Kind kind : TextModels.Kind.values()) {
            TextClassifier c = TextClassifier.create(kind.body(), kind == TextModels.Kind.BOW ? bow : e, data.labelNames(),
                    4, 0);
            double p = c.predictAll(List.of("the film was great")).getFirst().probabilities()[1];
            assertTrue(p > 0 && p < 1, kind + ": " + p);
        }
    }
}
