package dev.recur.tasks.seq2seq;

/** A source text and its translation. */
public record TextPair(String source, String target) {
}
