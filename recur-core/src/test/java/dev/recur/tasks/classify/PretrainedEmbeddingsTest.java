package dev.recur.tasks.classify;

import dev.recur.nn.Embedding;
import dev.recur.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GloVe and word2vec text files into an Embedding. */
class PretrainedEmbeddingsTest {

    // vocabulary: 0 padding, 1 <OOV>, 2 "good", 3 "film", 4 "bad"
    private static final TextEncoder ENCODER = TextEncoder.fit(TextEncoder.Options.defaults(),
            List.of("good good good film film bad"));

    @Test
    void gloveRowsLandAtTheVocabularyIndices(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("glove.txt");
        Files.writeString(f, "film 0.5 -1\nthe 9 9\ngood 1 2\n");
        PretrainedEmbeddings p = PretrainedEmbeddings.load(f, ENCODER.vocabulary());
        assertEquals(2, p.found());
        assertEquals(3, p.vocabularyWords());
        assertEquals("found 2 of 3 vocabulary words (66.7%)", p.coverage());
        assertEquals(1.0, p.matrix().get(2, 0));
        assertEquals(2.0, p.matrix().get(2, 1));
        assertEquals(-1.0, p.matrix().get(3, 1));
        assertEquals(0.0, p.matrix().get(4, 0)); // "bad" not in the file
        assertEquals(0.0, p.matrix().get(0, 0)); // padding
    }

    @Test
    void word2vecHeaderIsSkippedAndVectorsGoIntoAFrozenEmbedding(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w2v.txt");
        Files.writeString(f, "2 3\nbad 1 2 3\ngood 4 5 6\n");
        PretrainedEmbeddings p = PretrainedEmbeddings.load(f, ENCODER.vocabulary());
        assertEquals(3, p.dim());
        Embedding e = new Embedding(5, 3, true);
        new Sequential(e).build(new dev.recur.nn.BuildContext(dev.recur.tensor.DType.FLOAT32,
                new java.util.Random(0)), 4);
        p.applyTo(e, false);
        assertEquals(6.0, e.weights().getFirst().value().get(2, 2));
        assertFalse(e.isTrainable());
        Embedding wrong = new Embedding(5, 2, true);
        new Sequential(wrong).build(new dev.recur.nn.BuildContext(dev.recur.tensor.DType.FLOAT32,
                new java.util.Random(0)), 4);
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> p.applyTo(wrong, true));
        assertTrue(m.getMessage().contains("the vectors are [5, 3] (vocabulary size, dim) but the Embedding's weights are"
                + " [5, 2]"), m.getMessage());
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws IOException {
        Path ragged = dir.resolve("ragged.txt");
        Files.writeString(ragged, "good 1 2\nfilm 1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PretrainedEmbeddings.load(ragged,
                ENCODER.vocabulary())).getMessage().contains("line 2 has 1 values but the first vector has 2"));
        Path text = dir.resolve("nan.txt");
        Files.writeString(text, "good 1 x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PretrainedEmbeddings.load(text,
                ENCODER.vocabulary())).getMessage().contains("value 2 of \"good\" is \"x\", not a number"));
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PretrainedEmbeddings.load(empty,
                ENCODER.vocabulary())).getMessage().contains("no word vectors"));
    }
}
