/**
 * Layers and models: {@link dev.recur.nn.Layer} (built lazily from its first input shape, like
 * Keras), {@link dev.recur.nn.Dense}, {@link dev.recur.nn.Sequential} with Keras's summary, weight
 * {@link dev.recur.nn.Initializers}, and the {@link dev.recur.nn.Masked} values that carry sequence
 * masks between layers. Recurrent cells and their fused kernels live in {@code dev.recur.nn.rnn}.
 */
package dev.recur.nn;
