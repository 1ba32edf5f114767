package dev.recur.tasks.classify;

import dev.recur.autodiff.Parameter;
import dev.recur.data.text.Vocabulary;
import dev.recur.nn.Embedding;
import dev.recur.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Word vectors in the GloVe / word2vec text format ({@code word v1 v2 ... vd} per line; a
 * word2vec first line {@code <count> <dim>} is skipped) laid out as an Embedding's weights for a
 * vocabulary: row {@code vocabulary.index(word)} holds the word's vector, and rows of padding,
 * OOV indices and words not in the file stay zero (as in the textbook, Chollet §6.1.3).
 *
 * @param matrix          {@code [vocabulary size, dim]}
 * @param found           vocabulary words that had a vector in the file
 * @param vocabularyWords learned words of the vocabulary (padding and OOV indices excluded)
 */
public record PretrainedEmbeddings(Tensor matrix, int found, int vocabularyWords) {

    /** Reads the vectors of {@code vocabulary}'s words from {@code file}; other lines are skipped unparsed. */
    public static PretrainedEmbeddings load(Path file, Vocabulary vocabulary) {
        float[] m = null;
        int dim = -1;
        int found = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String word = line.substring(0, space);
                String[] values = line.substring(space + 1).strip().split(" ");
                if (number == 1 && values.length == 1 && word.chars().allMatch(Character::isDigit)) {
                    continue; // word2vec header: count and dimension
                }
                if (dim < 0) {
                    dim = values.length;
                    m = new float[vocabulary.size() * dim];
                }
                if (values.length != dim) {
                    throw new IllegalArgumentException(file + ": line " + number + " has " + values.length
                            + " values but the first vector has " + dim + "; the file must hold one vector size");
                }
                if (!vocabulary.contains(word)) {
                    continue;
                }
                int row = vocabulary.index(word);
                for (int j = 0; j < dim; j++) {
                    try {
                        m[row * dim + j] = Float.parseFloat(values[j]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ": line " + number + ": value " + (j + 1) + " of \""
                                + word + "\" is \"" + values[j] + "\", not a number");
                    }
                }
                found++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word vectors " + file + ": " + e.getMessage(), e);
        }
        if (dim < 0) {
            throw new IllegalArgumentException(file + ": no word vectors; expected lines 'word v1 v2 ... vd' (GloVe or"
                    + " word2vec text format)");
        }
        return new PretrainedEmbeddings(Tensor.of(m, vocabulary.size(), dim), found, vocabulary.tokens().size());
    }

    public int dim() {
        return matrix.dim(1);
    }

    /** Copies the vectors into a built Embedding of the same shape, frozen or trainable. */
    public void applyTo(Embedding embedding, boolean trainable) {
        Parameter w = embedding.weights().getFirst(); // [inputDim, outputDim]
        if (w.value().dim(0) != matrix.dim(0) || w.value().dim(1) != matrix.dim(1)) {
            throw new IllegalArgumentException("PretrainedEmbeddings: the vectors are " + matrix.shapeString()
                    + " (vocabulary size, dim) but the Embedding's weights are " + w.value().shapeString()
                    + "; build the Embedding with input_dim = vocabulary size and output_dim = " + dim());
        }
        w.value().copyFrom(matrix);
        embedding.setTrainable(trainable);
    }

    /** "found 9,321 of 9,998 words (93.2%)". */
    public String coverage() {
        return String.format(java.util.Locale.ROOT, "found %d of %d vocabulary words (%.1f%%)", found, vocabularyWords,
                vocabularyWords == 0 ? 0.0 : 100.0 * found / vocabularyWords);
    }
}
