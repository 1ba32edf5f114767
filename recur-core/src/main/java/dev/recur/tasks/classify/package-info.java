/**
 * Text classification: read a text word by word and output its class (sentiment on IMDB reviews,
 * the many-to-one task of the curriculum).
 *
 * <p>The path: {@link dev.recur.tasks.classify.TextTable} or {@link dev.recur.tasks.classify.AclImdb}
 * read {@link dev.recur.tasks.classify.LabeledTexts}; a {@link dev.recur.tasks.classify.TextEncoder}
 * (standardizer, tokenizer, vocabulary of the {@code numWords} most frequent words, padding to
 * {@code maxlen}) turns texts into id sequences or word-count vectors;
 * {@link dev.recur.tasks.classify.TextModels} writes the textbook models;
 * {@link dev.recur.tasks.classify.TextClassifier} trains, predicts, evaluates
 * ({@link dev.recur.tasks.classify.ClassificationReport}) and saves everything in one model file;
 * {@link dev.recur.tasks.classify.PretrainedEmbeddings} loads GloVe / word2vec vectors.
 */
package dev.recur.tasks.classify;
