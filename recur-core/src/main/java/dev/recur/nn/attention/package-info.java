/**
 * Attention: a query looks at every position of a sequence of keys and takes a weighted average
 * of their values, the weights a softmax over scores.
 *
 * <p>{@link BahdanauAttention} (additive, {@code v^T tanh(W1 q + W2 k)}), {@link LuongAttention}
 * (dot, general, concat scores and the attentional vector {@code tanh(W_c [c; h])}),
 * {@link ScaledDotProductAttention} (self-attention, {@code q k^T / sqrt(d)}) and
 * {@link MultiHeadAttention} (Keras's {@code MultiHeadAttention}) all return an
 * {@link AttentionResult}: the context vectors and the weights, for inspection. A key mask
 * ({@code [batch, keys]} of 1 and 0) gives padded positions a weight of exactly 0. Everything is
 * composed from autodiff primitives ({@link AttentionMath}), so gradients need no new code.
 */
package dev.recur.nn.attention;
