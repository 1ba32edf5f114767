package dev.recur.tasks.textgen;

import dev.recur.data.text.Tokenizer;
import dev.recur.inference.Sampler;
import dev.recur.train.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageModelTest {

    private static final String TEXT = "abcabcabd abcabcabd abcabcabd abcabcabd abcabcabd abcabcabd abcabcabd abcabcabd\n".repeat(3);

    @TempDir
    Path dir;

    private static LanguageModel small(int embedding) {
        Tokenizer t = LanguageModel.fitTokenizer(Tokenizer.Level.CHARACTER, TEXT, null);
        return LanguageModel.create(t, "LSTM(16, return_sequences=true)", embedding, 3);
    }

    @Test
    void theModelFileCarriesItsTokenizer() {
        LanguageModel lm = small(8);
        Path file = dir.resolve("lm.safetensors");
        lm.save(file, new ModelFile.Provenance(3L, "test"));
        LanguageModel back = LanguageModel.load(file);
        assertEquals(lm.tokenizer().wordIndex(), back.tokenizer().wordIndex());
        assertEquals(lm.model().spec(), back.model().spec());
        String a = lm.generator().generate("ab", 30, Sampler.temperature(1), new SplittableRandom(4), null, s -> { });
        String b = back.generator().generate("ab", 30, Sampler.temperature(1), new SplittableRandom(4), null, s -> { });
        assertEquals(a, b, "the loaded model samples exactly as the saved one");
    }

    @Test
    void aModelFileWithoutTokenizerIsRefused() {
        LanguageModel lm = small(8);
        Path file = dir.resolve("plain.safetensors");
        ModelFile.save(lm.model(), file, ModelFile.Provenance.unknown());
        String msg = assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(file)).getMessage();
        assertTrue(msg.startsWith("The model file has no attachment 'textgen.tokenizer' (it has none)"), msg);
    }

    @Test
    void charactersKeepTheirCaseAndWordsFollowKeras() {
        Tokenizer chars = LanguageModel.fitTokenizer(Tokenizer.Level.CHARACTER, "Ab, b", null);
        assertEquals(List.of("b", "A", ",", " "), List.copyOf(chars.wordIndex().keySet()));
        Tokenizer words = LanguageModel.fitTokenizer(Tokenizer.Level.WORD, "The cat, the “Cat” — sat.", 3);
        assertEquals(List.of("<OOV>", "the", "cat", "sat"), List.copyOf(words.wordIndex().keySet()));
        assertArrayEquals(new int[]{2, 1, 1}, words.textToSequence("the sat hat"), "numWords 3: only 'the' stays");
    }

    @Test
    void createRefusesANegativeEmbedding() {
        Tokenizer t = LanguageModel.fitTokenizer(Tokenizer.Level.CHARACTER, TEXT, null);
        assertEquals("LanguageModel: embeddingWidth must be 0 (one-hot input) or positive but got -1",
                assertThrows(IllegalArgumentException.class,
                        () -> LanguageModel.create(t, "LSTM(4, return_sequences=true)", -1, 0)).getMessage());
    }

    @Test
    void statelessAndStatefulTrainingLearnAPeriodicText() {
        for (boolean stateful : new boolean[]{false, true}) {
            for (int embedding : new int[]{8, 0}) {
                LanguageModel lm = small(embedding);
                LmData data = LmData.split(lm.tokenizer().textToSequence(TEXT), 0.2);
                TextTraining.Settings s = new TextTraining.Settings(10, 4, stateful, 0.02, 5.0, 1, 8);
                TextTraining training = new TextTraining(lm, data, s);
                double before = training.validationLoss();
                List<TextTraining.Progress> reports = new ArrayList<>();
                TextTraining.Progress last = training.run(15, Double.POSITIVE_INFINITY, 1e9, reports::add);
                assertEquals(List.of(last), reports, "one report at the end");
                assertTrue(last.valLoss() < before * 0.5, stateful + "/" + embedding + ": " + before + " -> " + last.valLoss());
                assertTrue(last.tokensSeen() > 0);
            }
        }
    }

    @Test
    void aTimeBudgetStopsTraining() {
        LanguageModel lm = small(8);
        LmData data = LmData.split(lm.tokenizer().textToSequence(TEXT), 0.2);
        TextTraining training = new TextTraining(lm, data, new TextTraining.Settings(10, 4, false, 0.01, 0, 1, 8));
        TextTraining.Progress p = training.run(1_000_000, 0.5, 1e9, x -> { });
        assertTrue(p.epoch() < 1_000_000 - 1, "stopped by time in epoch " + p.epoch());
    }
}
