package dev.recur.bench;

import dev.recur.data.text.Tokenizer;
import dev.recur.tasks.seq2seq.PairsFile;
import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import dev.recur.tasks.seq2seq.SequenceScores;
import dev.recur.tasks.seq2seq.TextPair;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code recur bench fra-eng}: character-level English to French on the first 30,000 Tatoeba
 * pairs. A pair is held out (5%) by a hash of its English sentence, so every translation of a
 * held-out sentence is held out; each held-out pair is scored against its own French sentence
 * (one reference). Figures: corpus BLEU-4 on space-separated words, chrF, and BLEU by English
 * length bucket (characters), from greedy decoding.
 */
public final class FraEngBench {

    /** Bucket upper bounds (English characters, inclusive); the last bucket is open. */
    static final int[] BUCKETS = {10, 15};

    private FraEngBench() {
    }

    /** The settings of {@code recur bench fra-eng}: the same model without and with attention. */
    public static final Seq2SeqBench.Settings DEFAULTS = new Seq2SeqBench.Settings(List.of(Seq2SeqConfig.AttentionType.NONE, Seq2SeqConfig.AttentionType.BAHDANAU), 64, 256, 12, 128,
            0.003, 42, true, 3);

    /** The pairs split by a hash of the English sentence: 90% training, 5% validation, 5% held out. */
    public record Split(List<TextPair> train, List<TextPair> validation, List<TextPair> test) {
    }

    public static Split split(List<TextPair> pairs) {
        List<TextPair> train = new ArrayList<>();
        List<TextPair> validation = new ArrayList<>();
        List<TextPair> test = new ArrayList<>();
        for (TextPair p : pairs) {
            int part = G2pBench.part(p.source());
            (part == 19 ? test : part == 18 ? validation : train).add(p);
        }
        return new Split(train, validation, test);
    }

    public static void run(Path file, int maxPairs, Seq2SeqBench.Settings s, Consumer<String> progress,
                           Consumer<String> results) {
        List<TextPair> all = PairsFile.read(file);
        Split split = split(all.subList(0, Math.min(maxPairs, all.size())));
        for (Seq2SeqConfig.AttentionType a : s.attentions()) {
            Seq2SeqBench.Trained t = Seq2SeqBench.train(split.train(), split.validation(), Tokenizer.Level.CHARACTER,
                    Tokenizer.Level.CHARACTER, a, s, progress);
            List<TextPair> test = new ArrayList<>();
            for (TextPair p : split.test()) { // characters never seen in training cannot be read
                if (Seq2SeqBench.readable(t.translator(), p.source())) {
                    test.add(p);
                }
            }
            List<String> got = t.translator().translateAll(test.stream().map(TextPair::source).toList(), 256);
            List<String> refs = test.stream().map(TextPair::target).toList();
            JsonLine line = Seq2SeqBench.line("fra-eng", a, s, t).put("train_pairs", split.train().size())
                    .put("test_pairs", test.size())
                    .put("bleu", Seq2SeqBench.round(SequenceScores.bleu(words(got), words(refs))))
                    .put("chrf", Seq2SeqBench.round(SequenceScores.chrF(got, refs)));
            for (int b = 0; b <= BUCKETS.length; b++) {
                int lo = b == 0 ? 1 : BUCKETS[b - 1] + 1;
                int hi = b == BUCKETS.length ? Integer.MAX_VALUE : BUCKETS[b];
                List<String> g = new ArrayList<>();
                List<String> r = new ArrayList<>();
                for (int i = 0; i < test.size(); i++) {
                    int len = test.get(i).source().length();
                    if (len >= lo && len <= hi) {
                        g.add(got.get(i));
                        r.add(refs.get(i));
                    }
                }
                String key = "bleu_len_" + lo + (hi == Integer.MAX_VALUE ? "_up" : "_" + hi);
                line.put(key, g.isEmpty() ? 0.0 : Seq2SeqBench.round(SequenceScores.bleu(words(g), words(r))));
                line.put(key.replace("bleu", "n"), g.size());
            }
            results.accept(line.toString());
            for (int i = 0; i < Math.min(5, test.size()); i++) {
                progress.accept(test.get(i * Math.max(1, test.size() / 5)).source() + " -> "
                        + got.get(i * Math.max(1, test.size() / 5)) + " (reference: "
                        + refs.get(i * Math.max(1, test.size() / 5)) + ")");
            }
        }
    }

    private static List<List<String>> words(List<String> texts) {
        return texts.stream().map(Seq2SeqBench::words).toList();
    }
}
