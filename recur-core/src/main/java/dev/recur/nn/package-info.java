/**
 * Layers and models, with Keras's names, arguments, weight layouts and parameter counts.
 *
 * <p>{@link dev.recur.nn.Layer} is built lazily from its first input shape (batch excluded, -1 for
 * an unknown length) and then called on {@link dev.recur.nn.Masked} batches: a value and an
 * optional {@code [batch, time]} mask. Layers that act on each step keep the mask (Dense,
 * TimeDistributed, Dropout, LayerNormalization, Activation); Embedding with {@code mask_zero} and
 * Masking make one; Flatten, Conv1D and the pooling layers end it (GlobalAveragePooling1D and
 * GlobalMaxPooling1D leave the masked steps out first). A layer may be frozen
 * ({@code trainable=false}): its weights stay in the model and its parameter count but receive no
 * gradient.
 *
 * <p>Non-recurrent layers: {@link dev.recur.nn.Dense}, {@link dev.recur.nn.Embedding},
 * {@link dev.recur.nn.Masking}, {@link dev.recur.nn.Dropout}, {@link dev.recur.nn.Flatten},
 * {@link dev.recur.nn.TimeDistributed}, {@link dev.recur.nn.LayerNormalization},
 * {@link dev.recur.nn.Conv1D}, {@link dev.recur.nn.MaxPooling1D},
 * {@link dev.recur.nn.GlobalMaxPooling1D}, {@link dev.recur.nn.GlobalAveragePooling1D} and
 * {@link dev.recur.nn.ActivationLayer}. {@link dev.recur.nn.Sequential} stacks them, names them
 * uniquely and prints Keras's summary; weights start from {@link dev.recur.nn.Initializers}.
 * Recurrent cells and layers live in {@code dev.recur.nn.rnn}; specification strings in
 * {@link dev.recur.nn.spec}.
 */
package dev.recur.nn;
