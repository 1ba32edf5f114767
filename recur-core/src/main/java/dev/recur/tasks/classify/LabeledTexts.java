package dev.recur.tasks.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Texts and their labels (any strings), read from one source.
 *
 * @param texts  the documents, in file order
 * @param labels one label per text
 * @param source where they came from, for messages
 */
public record LabeledTexts(List<String> texts, List<String> labels, String source) {

    public LabeledTexts {
        texts = List.copyOf(texts);
        labels = List.copyOf(labels);
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException("LabeledTexts: " + texts.size() + " texts but " + labels.size()
                    + " labels from " + source + "; each text needs one label");
        }
    }

    public int size() {
        return texts.size();
    }

    /** The distinct labels, sorted (so "0" before "1", "neg" before "pos"). */
    public List<String> labelNames() {
        return List.copyOf(new TreeSet<>(labels));
    }

    /** The same samples in an order shuffled by {@code seed} (files sorted by label need it before a split). */
    public LabeledTexts shuffled(long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return new LabeledTexts(order.stream().map(texts::get).toList(), order.stream().map(labels::get).toList(), source);
    }

    /** Samples {@code [from, to)}. */
    public LabeledTexts slice(int from, int to) {
        return new LabeledTexts(texts.subList(from, to), labels.subList(from, to), source + " [" + from + ", " + to + ")");
    }

    /**
     * A held-out split after shuffling with {@code seed}: the first part for training, the last
     * {@code fraction} for testing.
     */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("LabeledTexts.split: fraction must be in (0, 1) but is " + fraction);
        }
        LabeledTexts s = shuffled(seed);
        int test = (int) Math.round(size() * fraction);
        if (test == 0 || test == size()) {
            throw new IllegalArgumentException("LabeledTexts.split: " + size() + " samples of " + source
                    + " leave no samples on one side of a " + fraction + " split; use more samples or another fraction");
        }
        return new Split(s.slice(0, size() - test), s.slice(size() - test, size()));
    }

    /** A train part and a held-out test part. */
    public record Split(LabeledTexts train, LabeledTexts test) {
    }
}
