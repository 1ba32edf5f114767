package dev.recur.inference;

/**
 * A decoded sequence and its scores.
 *
 * @param tokens   the tokens after the start token, with the end token if it was reached
 * @param logProb  sum of the tokens' log-probabilities
 * @param score    the ranking score: {@code logProb} divided by the length penalty
 * @param finished whether the sequence ended with the end token (false: cut at the length limit)
 */
public record Hypothesis(int[] tokens, double logProb, double score, boolean finished) {
}
