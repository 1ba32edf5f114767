package dev.recur.bench;

import dev.recur.data.text.Tokenizer;
import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import dev.recur.tasks.seq2seq.TextPair;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code recur bench addition}: Keras's {@code addition_rnn} example as sequence to sequence.
 * Questions {@code "535+61"} with numbers of 1 to 3 digits (the digit count drawn first, as Keras
 * does), answers {@code "596"}; distinct questions (a+b and b+a count once), 90% for training,
 * 10% held out; optionally the question reversed ({@code "16+535"}), which Keras found easier.
 * Score: exact match of the greedy answer on the held-out questions.
 */
public final class AdditionBench {

    private AdditionBench() {
    }

    /** {@code examples} distinct questions and answers from {@code seed}. */
    public static List<TextPair> generate(int examples, int digits, boolean reversed, long seed) {
        if (examples < 10 || digits < 1 || digits > 9) {
            throw new IllegalArgumentException("addition: need at least 10 examples and 1 to 9 digits, got examples="
                    + examples + ", digits=" + digits);
        }
        long distinct = (long) Math.pow(10, digits);
        if (examples > distinct * (distinct + 1) / 2) {
            throw new IllegalArgumentException("addition: only " + distinct * (distinct + 1) / 2 + " distinct questions"
                    + " exist with " + digits + " digits but " + examples + " were asked for");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        List<TextPair> out = new ArrayList<>(examples);
        while (out.size() < examples) {
            long a = number(rng, digits);
            long b = number(rng, digits);
            if (!seen.add(Math.min(a, b) * distinct + Math.max(a, b))) {
                continue;
            }
            String q = a + "+" + b;
            out.add(new TextPair(reversed ? new StringBuilder(q).reverse().toString() : q, Long.toString(a + b)));
        }
        return out;
    }

    private static long number(SplittableRandom rng, int digits) {
        int n = 1 + rng.nextInt(digits);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + rng.nextInt(10);
        }
        return v;
    }

    /** The settings of {@code recur bench addition}: they reach 99% exact match in 30 epochs. */
    public static final Seq2SeqBench.Settings DEFAULTS = new Seq2SeqBench.Settings(List.of(Seq2SeqConfig.AttentionType.NONE, Seq2SeqConfig.AttentionType.BAHDANAU, Seq2SeqConfig.AttentionType.LUONG), 16, 64, 30,
            128, 0.005, 42, false, 0);

    /** Trains and scores each model; {@code results} receives one JSON line per model. */
    public static void run(int examples, boolean reversed, Seq2SeqBench.Settings s, Consumer<String> progress,
                           Consumer<String> results) {
        List<TextPair> all = generate(examples, 3, reversed, s.seed());
        int split = all.size() * 9 / 10;
        List<TextPair> train = all.subList(0, split);
        List<TextPair> test = all.subList(split, all.size());
        for (Seq2SeqConfig.AttentionType a : s.attentions()) {
            Seq2SeqBench.Trained t = Seq2SeqBench.train(train, List.of(), Tokenizer.Level.CHARACTER, Tokenizer.Level.CHARACTER, a, s,
                    progress);
            List<String> got = t.translator().translateAll(test.stream().map(TextPair::source).toList(), 256);
            int right = 0;
            for (int i = 0; i < test.size(); i++) {
                right += got.get(i).equals(test.get(i).target()) ? 1 : 0;
            }
            results.accept(Seq2SeqBench.line("addition", a, s, t).put("reversed", reversed)
                    .put("train_examples", train.size()).put("test_examples", test.size())
                    .put("exact_match", Math.round(10000.0 * right / test.size()) / 10000.0).toString());
        }
    }
}
