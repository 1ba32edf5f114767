package dev.recur.tasks.seq2seq;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.Context;
import dev.recur.optim.Adam;
import dev.recur.optim.GradientClipping;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training loop of an encoder-decoder: teacher forcing, cross-entropy over the target tokens
 * (padding ignored), Adam, gradient clipping by global norm. Each epoch shuffles the pairs with
 * the seeded generator, then sorts runs of 16 batches by source length so that a batch pads little.
 * With validation pairs, each epoch ends with their teacher-forced loss (per target token); the
 * weights of the epoch with the lowest one are put back at the end (Keras's
 * {@code EarlyStopping(restore_best_weights=True)}), and {@code patience} epochs without a new
 * lowest stop training early.
 */
public final class Seq2SeqTraining {

    /**
     * @param epochs       passes over the pairs
     * @param batchSize    pairs per step
     * @param learningRate Adam's learning rate
     * @param clipNorm     the largest global gradient norm
     * @param seed         shuffling and dropout
     * @param patience     with validation pairs, stop after this many epochs without a lower
     *                     validation loss; 0 never stops early
     */
    public record Options(int epochs, int batchSize, double learningRate, double clipNorm, long seed, int patience) {

        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(clipNorm > 0) || patience < 0) {
                throw new IllegalArgumentException("Seq2SeqTraining.Options: epochs and batchSize must be at least 1,"
                        + " learningRate and clipNorm positive, patience at least 0; got epochs=" + epochs
                        + ", batchSize=" + batchSize + ", learningRate=" + learningRate + ", clipNorm=" + clipNorm
                        + ", patience=" + patience);
            }
        }

        public static Options of(int epochs, int batchSize) {
            return new Options(epochs, batchSize, 1e-3, 5.0, 42, 0);
        }

        public Options withLearningRate(double lr) {
            return new Options(epochs, batchSize, lr, clipNorm, seed, patience);
        }

        public Options withSeed(long s) {
            return new Options(epochs, batchSize, learningRate, clipNorm, s, patience);
        }

        public Options withPatience(int p) {
            return new Options(epochs, batchSize, learningRate, clipNorm, seed, p);
        }
    }

    /** Told after every epoch (validation loss NaN without validation pairs); returning false stops training. */
    @FunctionalInterface
    public interface EpochListener {
        boolean epochEnd(int epoch, double meanLoss, double validationLoss);
    }

    private static final int SORT_RUN = 16;

    private Seq2SeqTraining() {
    }

    /** Trains {@code model} on {@code pairs} without validation; returns the mean loss of each epoch run. */
    public static List<Double> fit(Seq2SeqModel model, List<Pair> pairs, Options o, EpochListener listener) {
        return fit(model, pairs, List.of(), o, listener);
    }

    /**
     * Trains {@code model} on {@code pairs}, scoring {@code validation} (may be empty) after each
     * epoch and keeping the best epoch's weights; returns the mean training loss of each epoch run.
     */
    public static List<Double> fit(Seq2SeqModel model, List<Pair> pairs, List<Pair> validation, Options o,
                                   EpochListener listener) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("Seq2SeqTraining.fit: no training pairs");
        }
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<Tensor> bestWeights = null;
        SparseCategoricalCrossEntropy loss = SparseCategoricalCrossEntropy.fromLogits().withIgnoreIndex(0);
        Optimizer opt = Adam.defaults().withLearningRate(o.learningRate()).build(model.parameters());
        GradientClipping clip = GradientClipping.byGlobalNorm(o.clipNorm());
        SplittableRandom rng = new SplittableRandom(o.seed());
        List<Double> history = new ArrayList<>();
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            double sum = 0;
            List<List<Pair>> batches = batches(pairs, o.batchSize(), rng);
            for (List<Pair> part : batches) {
                Batch b = Batch.of(part, model.dtype());
                opt.zeroGrad();
                Variable l = loss.apply(model.logits(b.source(), b.targetIn(), Context.training(rng)), b.targetOut(),
                        b.targetShape());
                l.backward();
                clip.clip(model.parameters());
                opt.step();
                sum += l.value().item();
            }
            double mean = sum / batches.size();
            history.add(mean);
            if (!Double.isFinite(mean)) {
                throw new IllegalStateException("Seq2SeqTraining: the loss diverged (" + mean + ") in epoch " + epoch
                        + ". Possible cause: a learning rate too high; lower it");
            }
            double valLoss = validation.isEmpty() ? Double.NaN : loss(model, validation, o.batchSize());
            if (valLoss < bestLoss) {
                bestLoss = valLoss;
                bestEpoch = epoch;
                bestWeights = model.parameters().stream().map(p -> p.value().copy()).toList();
            }
            if (listener != null && !listener.epochEnd(epoch, mean, valLoss)) {
                break;
            }
            if (o.patience() > 0 && bestWeights != null && epoch - bestEpoch >= o.patience()) {
                break;
            }
        }
        if (bestWeights != null) {
            List<Parameter> params = model.parameters();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).value().copyFrom(bestWeights.get(i));
            }
        }
        return history;
    }

    /** The teacher-forced cross-entropy per target token over {@code pairs}, without gradients. */
    public static double loss(Seq2SeqModel model, List<Pair> pairs, int batchSize) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("Seq2SeqTraining.loss: no pairs to score");
        }
        SparseCategoricalCrossEntropy loss = SparseCategoricalCrossEntropy.fromLogits().withIgnoreIndex(0);
        double sum = 0;
        long tokens = 0;
        try (var scope = GradMode.noGrad()) {
            for (int from = 0; from < pairs.size(); from += batchSize) {
                Batch b = Batch.of(pairs.subList(from, Math.min(pairs.size(), from + batchSize)), model.dtype());
                long n = java.util.Arrays.stream(b.targetOut()).filter(id -> id != 0).count();
                Variable l = loss.apply(model.logits(b.source(), b.targetIn(), Context.inference()), b.targetOut(),
                        b.targetShape());
                sum += l.value().item() * n;
                tokens += n;
            }
        }
        return sum / tokens;
    }

    /** Shuffled batches, each run of {@value #SORT_RUN} batches sorted by source length. */
    static List<List<Pair>> batches(List<Pair> pairs, int batchSize, SplittableRandom rng) {
        List<Pair> order = new ArrayList<>(pairs);
        for (int i = order.size() - 1; i > 0; i--) {
            java.util.Collections.swap(order, i, rng.nextInt(i + 1));
        }
        int run = batchSize * SORT_RUN;
        for (int from = 0; from < order.size(); from += run) {
            order.subList(from, Math.min(order.size(), from + run)).sort(Comparator.comparingInt(p -> p.source().length));
        }
        List<List<Pair>> out = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            out.add(order.subList(from, Math.min(order.size(), from + batchSize)));
        }
        java.util.Collections.shuffle(out, new java.util.Random(rng.nextLong()));
        return out;
    }
}
