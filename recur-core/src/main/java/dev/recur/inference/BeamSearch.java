package dev.recur.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Beam search: keeps the {@code width} most probable partial sequences, extends each by every
 * token, and keeps the {@code width} best again, until {@code width} sequences have ended or
 * {@code maxLength} tokens were produced. A sequence that emits the end token leaves the beam
 * (its end token counted); ranking uses GNMT's length normalisation (Wu et al. 2016):
 * {@code score = logProb / ((5 + length) / 6)^alpha}; {@code alpha = 0} ranks by raw log-probability,
 * which favours short outputs. Width 1 is greedy decoding. Of each step's candidates, an end
 * token ranked within the first {@code width} finishes its hypothesis; the best {@code width}
 * others stay in the beam (as in fairseq).
 *
 * @param width     hypotheses kept per step
 * @param alpha     the length penalty's exponent (0 to 1; GNMT used 0.6 to 0.7)
 * @param maxLength the most tokens a hypothesis may have, end token included
 */
public record BeamSearch(int width, double alpha, int maxLength) {

    public BeamSearch {
        if (width < 1 || maxLength < 1 || !(alpha >= 0)) {
            throw new IllegalArgumentException("BeamSearch: width and maxLength must be at least 1 and alpha at least 0,"
                    + " got width=" + width + ", alpha=" + alpha + ", maxLength=" + maxLength);
        }
    }

    /**
     * A model that scores next tokens for a batch of hypotheses; {@code S} is its carried state,
     * one row per hypothesis.
     */
    public interface Model<S> {

        /** The result of a step: log-probabilities {@code [rows][vocabulary]} and the state after it. */
        record Next<S>(double[][] logProbs, S state) {
        }

        /** Reads each row's last token from the state before it. */
        Next<S> next(S state, int[] tokens);

        /** The state of these rows, in this order (a row may repeat). */
        S rows(S state, int[] rows);
    }

    /**
     * Decodes from {@code initial} (a state of one row).
     *
     * @return the hypotheses, best first: the finished ones, or the best cut ones if none finished
     */
    public <S> List<Hypothesis> search(Model<S> model, S initial, int startToken, int endToken) {
        Objects.requireNonNull(model, "model");
        List<Partial> alive = List.of(new Partial(new int[0], 0.0));
        int[] last = {startToken};
        S state = initial;
        List<Hypothesis> finished = new ArrayList<>();
        for (int len = 1; len <= maxLength && !alive.isEmpty() && finished.size() < width; len++) {
            Model.Next<S> next = model.next(state, last);
            List<Candidate> candidates = new ArrayList<>();
            for (int row = 0; row < alive.size(); row++) {
                double[] lp = next.logProbs()[row];
                for (int token = 0; token < lp.length; token++) {
                    candidates.add(new Candidate(row, token, alive.get(row).logProb + lp[token]));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
            List<Partial> kept = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < candidates.size() && kept.size() < width; i++) {
                Candidate c = candidates.get(i);
                int[] tokens = Arrays.copyOf(alive.get(c.row).tokens, len);
                tokens[len - 1] = c.token;
                if (c.token != endToken) {
                    kept.add(new Partial(tokens, c.logProb));
                    rows.add(c.row);
                } else if (i < width) { // an end inside the beam finishes; one below it is dropped
                    finished.add(hypothesis(tokens, c.logProb, true));
                }
            }
            alive = kept;
            last = kept.stream().mapToInt(p -> p.tokens[p.tokens.length - 1]).toArray();
            state = kept.isEmpty() ? state : model.rows(next.state(), rows.stream().mapToInt(Integer::intValue).toArray());
        }
        if (finished.isEmpty()) {
            for (Partial p : alive) {
                finished.add(hypothesis(p.tokens, p.logProb, false));
            }
        }
        finished.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return finished;
    }

    private Hypothesis hypothesis(int[] tokens, double logProb, boolean done) {
        return new Hypothesis(tokens, logProb, logProb / Math.pow((5.0 + tokens.length) / 6.0, alpha), done);
    }

    private record Partial(int[] tokens, double logProb) {
    }

    private record Candidate(int row, int token, double logProb) {
    }
}
