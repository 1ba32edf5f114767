/**
 * Data preparation for recurrent models: everything between a file on disk and the tensors a
 * model trains on. Depends only on {@code dev.recur.tensor} (and through it the kernels), never on
 * autodiff or layers, so that the same code serves training and inference.
 *
 * <ul>
 *   <li>{@link dev.recur.data.text}: Keras-style tokenizers, vocabularies and sequence padding.</li>
 *   <li>{@link dev.recur.data.series}: CSV time series, sliding windows, chronological splits,
 *       scalers and the textbook synthetic series.</li>
 *   <li>{@link dev.recur.data.OneHot}: one-hot and multi-hot encodings into tensors.</li>
 *   <li>{@link dev.recur.data.ConfigReader}: typed reading of the plain-map configurations that
 *       tokenizers and scalers save into a model file's metadata.</li>
 * </ul>
 */
package dev.recur.data;
