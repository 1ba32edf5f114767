package dev.recur.tasks.seq2seq;

import java.util.List;

/**
 * A translated text.
 *
 * @param text          the output text
 * @param sourceTokens  the source's tokens
 * @param outputTokens  the output's tokens (without start and end tokens)
 * @param weights       attention weights {@code [outputTokens + 1][sourceTokens]} (the last row is
 *                      the step that emits the end token), or null without attention
 */
public record Translation(String text, List<String> sourceTokens, List<String> outputTokens, double[][] weights) {
}
