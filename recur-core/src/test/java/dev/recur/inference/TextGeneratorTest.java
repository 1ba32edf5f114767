package dev.recur.inference;

import dev.recur.data.text.Standardizer;
import dev.recur.data.text.Tokenizer;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextGeneratorTest {

    private static final Tokenizer CHARS = Tokenizer.fit(Tokenizer.Options.characters().withStandardizer(Standardizer.NONE),
            List.of("ROMEO: to be or not to be\n"));

    private static Sequential model(String spec) {
        return LayerRegistry.parseModel(spec).build(new BuildContext(DType.FLOAT32, new SplittableRandom(5)));
    }

    private static Sequential charModel() {
        int v = CHARS.vocabularySize();
        return model("Input(None) Embedding(" + v + ", 8) LSTM(16, return_sequences=true) GRU(12, return_sequences=true)"
                + " Dense(" + v + ")");
    }

    @Test
    void stepwiseLogitsEqualTheWholeSequenceForward() {
        Sequential m = charModel();
        int[] ids = CHARS.textToSequence("ROMEO: to be");
        float[] x = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            x[i] = ids[i];
        }
        Tensor whole = m.predict(Tensor.of(x, 1, ids.length)); // [1, T, vocab]
        int v = CHARS.vocabularySize();
        TokenStepper stepper = new TokenStepper(m);
        for (int t = 0; t < ids.length; t++) {
            float[] step = stepper.feed(ids[t]);
            float[] expected = whole.slice(1, t, t + 1).toFloatArray();
            assertArrayEquals(expected, step, 1e-5f, "step " + t);
            assertEquals(v, step.length);
        }
    }

    @Test
    void oneHotModelsAndSoftmaxOutputsStepToo() {
        int v = CHARS.vocabularySize();
        Sequential m = model("Input(None, " + v + ") SimpleRNN(10, return_sequences=true) Dense(" + v + ", activation=softmax)");
        int[] ids = CHARS.textToSequence("to be");
        Tensor whole = m.predict(dev.recur.data.OneHot.encode(new int[][]{ids}, v)); // [1, T, vocab] probabilities
        TokenStepper stepper = new TokenStepper(m);
        float[] last = stepper.feed(ids);
        float[] expected = Sampler.logitsOf(whole.slice(1, ids.length - 1, ids.length).toFloatArray());
        assertArrayEquals(expected, last, 1e-5f);
    }

    @Test
    void generationStreamsSeededTextFromTheVocabularyAndStopsAtTheStopString() {
        TextGenerator g = new TextGenerator(charModel(), CHARS);
        List<String> pieces = new ArrayList<>();
        String a = g.generate("ROMEO:", 60, Sampler.temperature(1.0), new SplittableRandom(9), null, pieces::add);
        assertEquals(60, a.length());
        assertEquals(a, String.join("", pieces));
        assertTrue(a.chars().allMatch(c -> CHARS.vocabulary().contains(Character.toString(c))), a);
        String b = g.generate("ROMEO:", 60, Sampler.temperature(1.0), new SplittableRandom(9), null, s -> { });
        assertEquals(a, b, "the same seed gives the same text (the state is reset between calls)");
        String greedy = g.generate("ROMEO:", 20, Sampler.greedy(), new SplittableRandom(1), null, s -> { });
        assertEquals(greedy, g.generate("ROMEO:", 20, Sampler.greedy(), new SplittableRandom(2), null, s -> { }));
        String stop = a.substring(10, 12);
        String stopped = g.generate("ROMEO:", 60, Sampler.temperature(1.0), new SplittableRandom(9), stop, s -> { });
        assertEquals(a.substring(0, a.indexOf(stop) + stop.length()), stopped);
    }

    @Test
    void wordLevelJoinsWordsWithSpaces() {
        Tokenizer words = Tokenizer.fit(Tokenizer.Options.words(), List.of("the cat sat on the mat"));
        int v = words.vocabularySize();
        TextGenerator g = new TextGenerator(model("Input(None) Embedding(" + v + ", 4) LSTM(6, return_sequences=true) Dense("
                + v + ")"), words);
        String out = g.generate("The cat", 5, Sampler.temperature(1), new SplittableRandom(3), null, s -> { });
        assertEquals(5, out.split(" ", -1).length - 1, out);
        assertTrue(out.startsWith(" "), out);
        assertEquals("generate: the prime text's word \"dog\" (word 2) is not in the model's vocabulary of 5 words; use"
                + " only words the model was trained on", assertThrows(IllegalArgumentException.class,
                () -> g.generate("the dog", 5, Sampler.greedy(), new SplittableRandom(3), null, s -> { })).getMessage());
    }

    @Test
    void badPrimesAndArgumentsAreRefused() {
        TextGenerator g = new TextGenerator(charModel(), CHARS);
        assertEquals("generate: the prime text's character 'Z' (U+005A) (character 3) is not in the model's vocabulary"
                + " of 13 characters; use only characters the model was trained on",
                assertThrows(IllegalArgumentException.class,
                        () -> g.generate("ROZ", 5, Sampler.greedy(), new SplittableRandom(0), null, s -> { })).getMessage());
        assertEquals("generate: the prime text \"\" has no tokens after standardization; give a start text of at least"
                + " one character (e.g. \"The \")", assertThrows(IllegalArgumentException.class,
                () -> g.encodePrime("")).getMessage());
        assertEquals("generate: length must be at least 0 but got -1", assertThrows(IllegalArgumentException.class,
                () -> g.generate("R", -1, Sampler.greedy(), new SplittableRandom(0), null, s -> { })).getMessage());
        assertEquals("generate: the stop string is empty; give null for no stop string",
                assertThrows(IllegalArgumentException.class,
                        () -> g.generate("R", 1, Sampler.greedy(), new SplittableRandom(0), "", s -> { })).getMessage());
        Tokenizer other = Tokenizer.fit(Tokenizer.Options.characters(), List.of("ab"));
        assertEquals("TextGenerator: the model gives 14 logits per step but the tokenizer has 3 indices (padding included);"
                + " the model must be trained with this tokenizer (its output size is the vocabulary size)",
                assertThrows(IllegalArgumentException.class, () -> new TextGenerator(charModel(), other)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenStepper(model("Input(None) Embedding(14, 4)"
                + " LSTM(6) Dense(14)"))).getMessage().contains("Possible cause: the last recurrent layer lacks"
                + " return_sequences=true"));
        assertEquals("TokenStepper: token id 14 is outside the model's vocabulary [0, 14)",
                assertThrows(IllegalArgumentException.class, () -> new TokenStepper(charModel()).feed(14)).getMessage());
        assertEquals("TokenStepper: nothing to feed; give at least one token",
                assertThrows(IllegalArgumentException.class, () -> new TokenStepper(charModel()).feed(new int[0])).getMessage());
    }
}
