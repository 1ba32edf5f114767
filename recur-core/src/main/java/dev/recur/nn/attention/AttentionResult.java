package dev.recur.nn.attention;

import dev.recur.autodiff.Variable;

/**
 * What an attention layer returns.
 *
 * @param context the weighted averages of the values, {@code [batch, queries, valueFeatures]}
 * @param weights the attention weights, {@code [batch, queries, keys]} (with heads,
 *                {@code [batch, heads, queries, keys]}); each row sums to 1, masked keys get 0
 */
public record AttentionResult(Variable context, Variable weights) {
}
