/**
 * Text to integer sequences, with Keras's semantics where users carry them over.
 *
 * <ul>
 *   <li>{@link dev.recur.data.text.Standardizer}: lower-casing, HTML tag removal and punctuation
 *       handling, with presets for Keras's {@code Tokenizer} and {@code TextVectorization}.</li>
 *   <li>{@link dev.recur.data.text.Tokenizer}: Keras's {@code Tokenizer} (word or character
 *       level, index 0 reserved for padding, an optional OOV token at index 1, {@code numWords}
 *       applied when converting), with a map configuration for model files.</li>
 *   <li>{@link dev.recur.data.text.Vocabulary}: token to index and back, with no OOV index, one,
 *       or several hashed OOV buckets.</li>
 *   <li>{@link dev.recur.data.text.Sequences}: Keras's {@code pad_sequences}.</li>
 * </ul>
 */
package dev.recur.data.text;
