package dev.recur.tasks.seq2seq;

import dev.recur.autodiff.GradMode;
import dev.recur.inference.BeamSearch;
import dev.recur.inference.Hypothesis;
import dev.recur.inference.Sampler;
import dev.recur.nn.Context;
import dev.recur.nn.rnn.State;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Step-wise decoding of a {@link Seq2SeqModel} with carried decoder states: greedy (a batch of
 * sources at once), sampling with a temperature, beam search, and the attention weights of a given
 * output (for heatmaps). Everything runs without recording gradients.
 */
public final class Decoding {

    private Decoding() {
    }

    /** Greedy decoding of source ids {@code [batch, sourceTime]}: each row's tokens up to (without) the end token. */
    public static List<int[]> greedy(Seq2SeqModel model, Tensor sourceIds, int maxLength) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            int batch = sourceIds.dim(0);
            Seq2SeqModel.Encoded enc = model.encode(sourceIds, Context.inference());
            int[] last = new int[batch];
            Arrays.fill(last, TextSide.START);
            int[][] out = new int[batch][maxLength];
            int[] length = new int[batch];
            boolean[] done = new boolean[batch];
            List<State> states = null;
            for (int t = 0; t < maxLength; t++) {
                Seq2SeqModel.Step s = model.step(enc, last, states);
                states = s.states();
                int[] best = s.logits().value().argmax(); // [batch]
                boolean all = true;
                for (int b = 0; b < batch; b++) {
                    if (!done[b]) {
                        if (best[b] == TextSide.END) {
                            done[b] = true;
                        } else {
                            out[b][length[b]++] = best[b];
                        }
                    }
                    all &= done[b];
                    last[b] = best[b];
                }
                if (all) {
                    break;
                }
            }
            List<int[]> result = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                result.add(Arrays.copyOf(out[b], length[b]));
            }
            return result;
        }
    }

    /** Samples one output for source ids {@code [1, sourceTime]} with a {@link Sampler} (temperature, top-k, top-p). */
    public static int[] sample(Seq2SeqModel model, Tensor sourceIds, int maxLength, Sampler sampler, RandomGenerator rng) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Seq2SeqModel.Encoded enc = model.encode(sourceIds, Context.inference());
            int[] out = new int[maxLength];
            int n = 0;
            int last = TextSide.START;
            List<State> states = null;
            while (n < maxLength) {
                Seq2SeqModel.Step s = model.step(enc, new int[]{last}, states);
                states = s.states();
                Tensor logits = s.logits().value(); // [1, vocab]
                float[] row = new float[logits.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) logits.getFlat(i);
                }
                last = sampler.sample(row, rng);
                if (last == TextSide.END) {
                    break;
                }
                out[n++] = last;
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** Beam search for source ids {@code [1, sourceTime]}: the hypotheses, best first. */
    public static List<Hypothesis> beam(Seq2SeqModel model, Tensor sourceIds, BeamSearch search) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Seq2SeqModel.Encoded enc = model.encode(sourceIds, Context.inference());
            return search.search(new Adapter(model), new Beam(enc, null), TextSide.START, TextSide.END);
        }
    }

    /** The beam's state: the encoder's outputs repeated per hypothesis and the decoder states (null at the start). */
    private record Beam(Seq2SeqModel.Encoded enc, List<State> states) {
    }

    private record Adapter(Seq2SeqModel model) implements BeamSearch.Model<Beam> {

        @Override
        public Next<Beam> next(Beam state, int[] tokens) {
            Seq2SeqModel.Encoded enc = state.enc;
            if (enc.outputs().value().dim(0) != tokens.length) {
                enc = enc.rows(new int[tokens.length]); // the first step's single row, once per token
            }
            Seq2SeqModel.Step s = model.step(enc, tokens, state.states);
            Tensor lp = s.logits().value().logSoftmax();
            double[][] rows = new double[tokens.length][];
            int v = lp.dim(1);
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new double[v];
                for (int i = 0; i < v; i++) {
                    rows[r][i] = lp.getFlat(r * v + i);
                }
            }
            return new Next<>(rows, new Beam(enc, s.states()));
        }

        @Override
        public Beam rows(Beam state, int[] rows) {
            List<State> picked = new Seq2SeqModel.Encoded(state.enc.outputs(), state.enc.mask(), state.states).rows(rows).states();
            return new Beam(state.enc.rows(rows), picked);
        }
    }

    /**
     * The attention weights {@code [outputs + 1][sourceTime]} when the decoder is fed {@code output}
     * (teacher forcing, one step at a time; the last row is the step that emits the end token);
     * null for a model without attention.
     */
    public static double[][] attention(Seq2SeqModel model, Tensor sourceIds, int[] output) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Seq2SeqModel.Encoded enc = model.encode(sourceIds, Context.inference());
            double[][] weights = new double[output.length + 1][];
            int last = TextSide.START;
            List<State> states = null;
            for (int t = 0; t <= output.length; t++) {
                Seq2SeqModel.Step s = model.step(enc, new int[]{last}, states);
                if (s.weights() == null) {
                    return null;
                }
                states = s.states();
                weights[t] = s.weights().toDoubleArray();
                last = t < output.length ? output[t] : TextSide.END;
            }
            return weights;
        }
    }
}
