package dev.recur.tasks.seq2seq;

/**
 * A training example as ids, without start or end tokens.
 *
 * @param source the source token ids
 * @param target the target token ids
 */
public record Pair(int[] source, int[] target) {

    public Pair {
        if (source.length == 0 || target.length == 0) {
            throw new IllegalArgumentException("a pair needs a non-empty source and target, got " + source.length
                    + " source and " + target.length + " target tokens");
        }
    }
}
