package dev.recur.tasks.seq2seq;

import dev.recur.data.text.Tokenizer;
import dev.recur.io.SafeTensors;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslatorTest {

    /** Reverse short strings: learnable in a few hundred steps by a tiny model with attention. */
    private static final List<TextPair> PAIRS = List.of(new TextPair("ab", "ba"), new TextPair("abc", "cba"),
            new TextPair("ca", "ac"), new TextPair("bca", "acb"), new TextPair("cab", "bac"), new TextPair("b", "b"));

    private static Translator trained;

    @BeforeAll
    static void train() {
        trained = Translator.train(PAIRS, Tokenizer.Level.CHARACTER, Tokenizer.Level.CHARACTER,
                Seq2SeqConfig.lstm(Seq2SeqConfig.AttentionType.LUONG, 8, 16),
                Seq2SeqTraining.Options.of(150, 6).withLearningRate(0.02), null);
    }

    @Test
    void learnsTheTrainingPairsGreedyAndWithBeams() {
        for (TextPair p : PAIRS) {
            assertEquals(p.target(), trained.translate(p.source(), 1).text(), p.source());
            assertEquals(p.target(), trained.translate(p.source(), 3).text(), p.source() + " beam 3");
        }
        assertEquals(PAIRS.stream().map(TextPair::target).toList(),
                trained.translateAll(PAIRS.stream().map(TextPair::source).toList(), 4));
    }

    @Test
    void attentionWeightsAreRowsOverTheSource() {
        Translation t = trained.translate("abc", 1);
        assertEquals(List.of("a", "b", "c"), t.sourceTokens());
        assertEquals(t.outputTokens().size() + 1, t.weights().length);
        for (double[] row : t.weights()) {
            assertEquals(3, row.length);
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-5);
        }
    }

    @Test
    void samplingAtALowTemperatureIsGreedy() {
        assertEquals("cba", trained.sample("abc", 1e-3, new SplittableRandom(1)).text());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> trained.sample("abc", 0, new SplittableRandom(1)))
                .getMessage().contains("Sampler: temperature must be a finite number > 0 but got 0.0"));
    }

    @Test
    void savesAndLoadsWithBothVocabularies(@TempDir Path dir) {
        Path file = dir.resolve("t.safetensors");
        trained.save(file, 42, "test pairs");
        Translator back = Translator.load(file);
        for (TextPair p : PAIRS) {
            Translation a = trained.translate(p.source(), 2);
            Translation b = back.translate(p.source(), 2);
            assertEquals(a.text(), b.text());
            for (int i = 0; i < a.weights().length; i++) {
                assertArrayEquals(a.weights()[i], b.weights()[i], 0.0);
            }
        }
        assertEquals(trained.maxSourceLength(), back.maxSourceLength());
        Map<String, String> meta = SafeTensors.read(file).metadata();
        assertEquals("translator", meta.get("recur.kind"));
        assertTrue(meta.get("recur.attachment.translator").contains("\"tokens\":[\"<s>\",\"</s>\""));
    }

    @Test
    void unknownFormatsAndMissingWeightsAreNamed(@TempDir Path dir) {
        Path file = dir.resolve("t.safetensors");
        trained.save(file, 1, "x");
        Map<String, String> meta = new java.util.HashMap<>(SafeTensors.read(file).metadata());
        String json = meta.get("recur.attachment.translator");
        Path noWeights = dir.resolve("w.safetensors");
        SafeTensors.write(noWeights, Map.of("w", Tensor.zeros(2)), Map.of("recur.kind", "translator",
                "recur.attachment.translator", json));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Translator.load(noWeights)).getMessage()
                .contains("has no weight source_embedding/embeddings that its configuration needs"));
        Path future = dir.resolve("f.safetensors");
        SafeTensors.write(future, Map.of("w", Tensor.zeros(2)), Map.of("recur.kind", "translator",
                "recur.attachment.translator", json.replace("\"format\":1", "\"format\":2")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Translator.load(future)).getMessage()
                .contains("holds translator format 2 but this version reads format 1"));
    }

    @Test
    void errorsAreClear(@TempDir Path dir) {
        assertEquals("the source text is empty; give at least one character",
                assertThrows(IllegalArgumentException.class, () -> trained.translate("", 1)).getMessage());
        assertEquals("the source text has 4 characters but the model was trained on sources of at most 3;"
                + " shorten it or split it into sentences",
                assertThrows(IllegalArgumentException.class, () -> trained.translate("abca", 1)).getMessage());
        assertEquals("the source text \"abz\" has the character \"z\" (position 2) that the model never saw in training;"
                + " its vocabulary has 3 tokens. Possible cause: another alphabet, case or language than the training pairs",
                assertThrows(IllegalArgumentException.class, () -> trained.translate("abz", 1)).getMessage());
        Path other = dir.resolve("other.safetensors");
        SafeTensors.write(other, Map.of("w", Tensor.zeros(2)), Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Translator.load(other)).getMessage()
                .contains("is not a translator model file (its recur.kind is null)"));
    }

    @Test
    void pairsFilesIgnoreExtraColumnsAndNameMalformedLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pairs.tsv");
        Files.writeString(f, "Go.\tVa !\tCC-BY 2.0 (France)\n\nHi.\tSalut !\n");
        assertEquals(List.of(new TextPair("Go.", "Va !"), new TextPair("Hi.", "Salut !")), PairsFile.read(f));
        assertEquals("pairs.tsv line 2 is not source<TAB>target: \"no tab here\" has no tab. Each line needs a source"
                + " text, a tab and its translation (further columns are ignored)",
                assertThrows(IllegalArgumentException.class, () -> PairsFile.parse(List.of("a\tb", "no tab here"),
                        "pairs.tsv")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairsFile.parse(List.of("a\t "), "p"))
                .getMessage().contains("has an empty side"));
        assertEquals("p has no pairs; each line needs source<TAB>target",
                assertThrows(IllegalArgumentException.class, () -> PairsFile.parse(List.of(""), "p")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairsFile.read(dir.resolve("missing.tsv")))
                .getMessage().contains("does not exist"));
    }

    @Test
    void validationKeepsTheBestEpochsWeightsAndPatienceStops() {
        Seq2SeqConfig config = Seq2SeqConfig.lstm(Seq2SeqConfig.AttentionType.LUONG, 8, 16).withBidirectional(true);
        Translator t = Translator.create(PAIRS, Tokenizer.Level.CHARACTER, Tokenizer.Level.CHARACTER, config,
                dev.recur.tensor.DType.FLOAT32, 7);
        List<TextPair> validation = List.of(new TextPair("ab", "ba"), new TextPair("cc", "cc"));
        assertTrue(validation.stream().allMatch(t::canEncode));
        assertFalse(t.canEncode(new TextPair("abz", "zba")), "z is not in the vocabularies");
        List<Double> val = new java.util.ArrayList<>();
        // a learning rate far too high makes the validation loss jump around: the best epoch is not the last
        List<Double> train = t.fit(PAIRS, validation, Seq2SeqTraining.Options.of(12, 3).withLearningRate(0.3).withPatience(3),
                (epoch, loss, valLoss) -> val.add(valLoss));
        assertEquals(train.size(), val.size());
        int best = 0;
        for (int i = 1; i < val.size(); i++) {
            best = val.get(i) < val.get(best) ? i : best;
        }
        assertTrue(val.size() == 12 || val.size() - 1 - best == 3, "stopped " + (val.size() - 1 - best)
                + " epochs after the best: " + val);
        assertEquals(val.get(best), Seq2SeqTraining.loss(t.model(), t.encodeAll(validation), 3), 1e-6,
                "the weights of the best epoch are back: " + val);
    }

    @Test
    void bidirectionalTranslatorsSaveAndLoad(@TempDir Path dir) {
        Translator t = Translator.create(PAIRS, Tokenizer.Level.CHARACTER, Tokenizer.Level.CHARACTER,
                Seq2SeqConfig.lstm(Seq2SeqConfig.AttentionType.BAHDANAU, 4, 6).withBidirectional(true),
                dev.recur.tensor.DType.FLOAT32, 3);
        Path file = dir.resolve("bi.safetensors");
        t.save(file, 3, "test pairs");
        Translator back = Translator.load(file);
        assertTrue(back.model().config().bidirectional());
        assertEquals(t.translate("abc", 2).text(), back.translate("abc", 2).text());
    }

    @Test
    void settingsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seq2SeqConfig.lstm(Seq2SeqConfig.AttentionType.NONE,
                0, 4)).getMessage().contains("got embedding=0, units=4, layers=1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seq2SeqTraining.Options.of(0, 2)).getMessage()
                .contains("got epochs=0, batchSize=2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seq2SeqTraining.Options.of(1, 2).withPatience(-1))
                .getMessage().contains("patience at least 0; got epochs=1, batchSize=2, learningRate=0.001, clipNorm=5.0,"
                        + " patience=-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seq2SeqTraining.loss(trained.model(), List.of(), 4))
                .getMessage().contains("Seq2SeqTraining.loss: no pairs to score"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Pair(new int[0], new int[]{1})).getMessage()
                .contains("needs a non-empty source and target"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seq2SeqTraining.fit(trained.model(), List.of(),
                Seq2SeqTraining.Options.of(1, 1), null)).getMessage().contains("no training pairs"));
    }
}
