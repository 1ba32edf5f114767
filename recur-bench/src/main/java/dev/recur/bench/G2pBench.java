package dev.recur.bench;

import dev.recur.data.text.Tokenizer;
import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import dev.recur.tasks.seq2seq.SequenceScores;
import dev.recur.tasks.seq2seq.TextPair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code recur bench g2p}: grapheme to phoneme on CMUdict ({@code word<TAB>phonemes}, several rows
 * for a word with several pronunciations). Words go to train, validation or test (90/5/5) by a hash
 * of the word, so all pronunciations of a word land in one part and the split never depends on the
 * order or the seed. Source: the word's characters; target: its ARPAbet phonemes with stress.
 * Training uses every pronunciation as a pair; up to {@value #VALIDATION_WORDS} validation words
 * choose the epoch whose weights are kept (lowest teacher-forced loss); a test word is right if the greedy output equals any
 * of its pronunciations (WER); PER is the edit distance to the closest pronunciation over its length.
 */
public final class G2pBench {

    /** The three parts: word to pronunciations. */
    public record Split(Map<String, List<String>> train, Map<String, List<String>> validation,
                        Map<String, List<String>> test) {
    }

    /** The settings of {@code recur bench g2p}. */
    public static final Seq2SeqBench.Settings DEFAULTS = new Seq2SeqBench.Settings(List.of(Seq2SeqConfig.AttentionType.BAHDANAU), 64, 256, 12, 128,
            0.003, 42, true, 3);

    /** Validation words scored after each epoch (the validation part has ~6,700). */
    static final int VALIDATION_WORDS = 2_000;

    private G2pBench() {
    }

    /** Reads the dictionary (with its header line) and splits it by word. */
    public static Split read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("g2p: " + file + " does not exist; set RECUR_DATA to the folder holding"
                    + " cmudict/cmudict.tsv or pass --data FILE");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> train = new LinkedHashMap<>();
        Map<String, List<String>> validation = new LinkedHashMap<>();
        Map<String, List<String>> test = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t");
            if (cols.length < 2) {
                throw new IllegalArgumentException("g2p: " + file + " line " + (i + 1) + " is not word<TAB>phonemes");
            }
            int part = part(cols[0]);
            Map<String, List<String>> into = part < 18 ? train : part == 18 ? validation : test;
            into.computeIfAbsent(cols[0], w -> new ArrayList<>()).add(cols[1]);
        }
        return new Split(train, validation, test);
    }

    /** 0..19 from the word's FNV-1a hash: 0-17 train, 18 validation, 19 test. */
    static int part(String word) {
        long h = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return (int) Long.remainderUnsigned(h, 20);
    }

    /** Every pronunciation of the first {@code maxWords} words as a pair. */
    static List<TextPair> pairs(Map<String, List<String>> words, int maxWords) {
        List<TextPair> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> e : words.entrySet()) {
            if (n++ >= maxWords) {
                break;
            }
            for (String p : e.getValue()) {
                out.add(new TextPair(e.getKey(), p));
            }
        }
        return out;
    }

    /**
     * Trains on up to {@code trainWords} training words (all with a larger number), scores on up to
     * {@code testWords} test words, greedy and, when {@code beam > 1}, with beam search of that
     * width (then {@code wer} and {@code per} are the beam's); one JSON line per model.
     */
    public static void run(Path file, int trainWords, int testWords, int beam, Seq2SeqBench.Settings s,
                           Consumer<String> progress, Consumer<String> results) {
        if (beam < 1) {
            throw new IllegalArgumentException("g2p: the beam width must be at least 1, got " + beam);
        }
        Split split = read(file);
        List<TextPair> train = pairs(split.train(), trainWords);
        List<TextPair> validation = pairs(split.validation(), VALIDATION_WORDS);
        List<String> words = new ArrayList<>(split.test().keySet()).subList(0, Math.min(testWords, split.test().size()));
        for (Seq2SeqConfig.AttentionType a : s.attentions()) {
            Seq2SeqBench.Trained t = Seq2SeqBench.train(train, validation, Tokenizer.Level.CHARACTER, Tokenizer.Level.WORD, a,
                    s, progress);
            List<String> known = new ArrayList<>();
            for (String w : words) { // a test word with a character never seen in training cannot be read
                if (Seq2SeqBench.readable(t.translator(), w)) {
                    known.add(w);
                }
            }
            List<List<List<String>>> references = new ArrayList<>();
            for (String w : known) {
                references.add(split.test().get(w).stream().map(Seq2SeqBench::words).toList());
            }
            List<String> greedy = t.translator().translateAll(known, 256);
            SequenceScores.ErrorRates g = SequenceScores.errorRates(greedy.stream().map(Seq2SeqBench::words).toList(),
                    references);
            JsonLine line = Seq2SeqBench.line("g2p", a, s, t).put("train_words", Math.min(trainWords, split.train().size()))
                    .put("train_pairs", train.size()).put("test_words", known.size())
                    .put("skipped_test_words", words.size() - known.size()).put("beam", beam);
            if (beam > 1) {
                List<List<String>> beamed = new ArrayList<>();
                for (int i = 0; i < known.size(); i++) { // a word longer than any trained one keeps its greedy output
                    String w = known.get(i);
                    beamed.add(Seq2SeqBench.words(w.length() <= t.translator().maxSourceLength()
                            ? t.translator().translate(w, beam).text() : greedy.get(i)));
                }
                SequenceScores.ErrorRates b = SequenceScores.errorRates(beamed, references);
                line.put("wer", Seq2SeqBench.round(b.wer())).put("per", Seq2SeqBench.round(b.per()));
            } else {
                line.put("wer", Seq2SeqBench.round(g.wer())).put("per", Seq2SeqBench.round(g.per()));
            }
            results.accept(line.put("greedy_wer", Seq2SeqBench.round(g.wer())).put("greedy_per", Seq2SeqBench.round(g.per()))
                    .toString());
        }
    }
}
