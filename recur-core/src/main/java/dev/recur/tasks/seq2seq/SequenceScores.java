package dev.recur.tasks.seq2seq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The task metrics of sequence to sequence: edit distance, word and phoneme error rates (G2P),
 * corpus BLEU (Papineni et al. 2002) and chrF (Popović 2015).
 */
public final class SequenceScores {

    private SequenceScores() {
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
    public static <T> int editDistance(List<T> a, List<T> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** Word and phoneme error rates: a word is right if it equals any reference. */
    public record ErrorRates(double wer, double per) {
    }

    /**
     * WER: the fraction of predictions equal to none of their references. PER: the summed edit
     * distance to the closest reference over the summed length of those references.
     */
    public static ErrorRates errorRates(List<List<String>> predictions, List<List<List<String>>> references) {
        checkSizes(predictions.size(), references.size());
        int wrong = 0;
        long edits = 0;
        long length = 0;
        for (int i = 0; i < predictions.size(); i++) {
            int best = Integer.MAX_VALUE;
            int bestLength = 0;
            for (List<String> ref : references.get(i)) {
                int d = editDistance(predictions.get(i), ref);
                if (d < best) {
                    best = d;
                    bestLength = ref.size();
                }
            }
            wrong += best == 0 ? 0 : 1;
            edits += best;
            length += bestLength;
        }
        return new ErrorRates((double) wrong / predictions.size(), (double) edits / length);
    }

    /**
     * Corpus BLEU-4, one reference per sentence: the geometric mean of the clipped n-gram
     * precisions (n = 1..4, counts summed over the corpus, no smoothing) times the brevity
     * penalty {@code min(1, exp(1 - r / c))}; in [0, 1].
     */
    public static double bleu(List<List<String>> hypotheses, List<List<String>> references) {
        checkSizes(hypotheses.size(), references.size());
        long[] matches = new long[4];
        long[] totals = new long[4];
        long hypLength = 0;
        long refLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> h = hypotheses.get(i);
            List<String> r = references.get(i);
            hypLength += h.size();
            refLength += r.size();
            for (int n = 1; n <= 4; n++) {
                Map<List<String>, Integer> refCounts = ngrams(r, n);
                for (Map.Entry<List<String>, Integer> e : ngrams(h, n).entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, h.size() - n + 1);
            }
        }
        double logSum = 0;
        for (int n = 0; n < 4; n++) {
            if (matches[n] == 0) {
                return 0.0;
            }
            logSum += Math.log((double) matches[n] / totals[n]);
        }
        double bp = hypLength >= refLength ? 1.0 : Math.exp(1.0 - (double) refLength / hypLength);
        return bp * Math.exp(logSum / 4);
    }

    /**
     * Corpus chrF (beta = 2, character n-grams n = 1..6, whitespace removed, as sacreBLEU's
     * defaults): n-gram matches, hypothesis and reference counts summed over the corpus per order;
     * precision and recall averaged over the orders that occur; {@code F = 5PR / (4P + R)}; in [0, 1].
     */
    public static double chrF(List<String> hypotheses, List<String> references) {
        checkSizes(hypotheses.size(), references.size());
        int orders = 6;
        long[] matches = new long[orders];
        long[] hyp = new long[orders];
        long[] ref = new long[orders];
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> h = chars(hypotheses.get(i));
            List<String> r = chars(references.get(i));
            for (int n = 1; n <= orders; n++) {
                Map<List<String>, Integer> refCounts = ngrams(r, n);
                for (Map.Entry<List<String>, Integer> e : ngrams(h, n).entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
                }
                hyp[n - 1] += Math.max(0, h.size() - n + 1);
                ref[n - 1] += Math.max(0, r.size() - n + 1);
            }
        }
        double p = 0;
        double rc = 0;
        int used = 0;
        for (int n = 0; n < orders; n++) {
            if (hyp[n] == 0 && ref[n] == 0) {
                continue;
            }
            p += hyp[n] == 0 ? 0 : (double) matches[n] / hyp[n];
            rc += ref[n] == 0 ? 0 : (double) matches[n] / ref[n];
            used++;
        }
        if (used == 0) {
            return 0.0;
        }
        p /= used;
        rc /= used;
        return p + rc == 0 ? 0.0 : 5 * p * rc / (4 * p + rc);
    }

    private static List<String> chars(String s) {
        return s.codePoints().filter(cp -> !Character.isWhitespace(cp)).mapToObj(Character::toString).toList();
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return out;
    }

    private static void checkSizes(int a, int b) {
        if (a != b || a == 0) {
            throw new IllegalArgumentException("scores need as many hypotheses as references, at least one; got "
                    + a + " hypotheses and " + b + " references");
        }
    }
}
