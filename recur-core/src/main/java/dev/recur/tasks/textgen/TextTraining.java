package dev.recur.tasks.textgen;

import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.optim.Adam;
import dev.recur.optim.GradientClipping;
import dev.recur.train.Callback;
import dev.recur.train.FitOptions;
import dev.recur.train.RandomStreams;
import dev.recur.train.Trainer;
import dev.recur.train.TrainingContext;

import java.util.Map;
import java.util.Objects;

/**
 * Trains a {@link LanguageModel} on {@link LmData} for a number of epochs or until a wall-time
 * budget runs out, with sparse softmax cross-entropy from logits (losses in nats per token), Adam
 * and global-norm gradient clipping, and reports progress at a fixed interval of wall time.
 *
 * <p>Stateless: each epoch cuts the training ids into windows of {@code seqLen + 1} starting at a
 * random offset in {@code [0, seqLen)} and every {@code seqLen} tokens, so successive epochs see
 * different cuts; the trainer shuffles them. Stateful: {@code batchSize} contiguous streams,
 * truncated BPTT over windows of {@code seqLen}, state carried from window to window.
 *
 * <p>Validation: the loss on (at most {@code validationWindows}) windows of {@code seqLen}
 * spread evenly over the validation ids, the same fixed windows every time, so successive reports
 * compare; each starts from a zero state, as training windows do.
 */
public final class TextTraining {

    /**
     * How to train.
     *
     * @param seqLen            steps per window (and per truncated-BPTT window when stateful)
     * @param batchSize         windows per step (streams when stateful)
     * @param stateful          contiguous streams with carried state instead of shuffled windows
     * @param learningRate      Adam's learning rate
     * @param clipNorm          global gradient-norm limit, or 0 for none
     * @param seed              weights are the model's; this seeds the offsets and the shuffles
     * @param validationWindows at most this many validation windows are scored per report
     */
    public record Settings(int seqLen, int batchSize, boolean stateful, double learningRate, double clipNorm, long seed,
                           int validationWindows) {

        public Settings {
            if (seqLen < 1 || batchSize < 1 || validationWindows < 1) {
                throw new IllegalArgumentException("TextTraining.Settings: seqLen, batchSize and validationWindows must be at"
                        + " least 1 but got " + seqLen + ", " + batchSize + ", " + validationWindows);
            }
            if (!(learningRate > 0) || !(clipNorm >= 0)) {
                throw new IllegalArgumentException("TextTraining.Settings: learningRate must be > 0 and clipNorm >= 0 but got "
                        + learningRate + ", " + clipNorm);
            }
        }

        /** The measured default for a char model: windows of 100, batches of 32, Adam 2e-3, clipping at 5. */
        public static Settings defaults() {
            return new Settings(100, 32, false, 2e-3, 5.0, 0L, 256);
        }

        public Settings withSeqLen(int n) {
            return new Settings(n, batchSize, stateful, learningRate, clipNorm, seed, validationWindows);
        }

        public Settings withBatchSize(int n) {
            return new Settings(seqLen, n, stateful, learningRate, clipNorm, seed, validationWindows);
        }

        public Settings withStateful(boolean s) {
            return new Settings(seqLen, batchSize, s, learningRate, clipNorm, seed, validationWindows);
        }

        public Settings withLearningRate(double lr) {
            return new Settings(seqLen, batchSize, stateful, lr, clipNorm, seed, validationWindows);
        }

        public Settings withSeed(long s) {
            return new Settings(seqLen, batchSize, stateful, learningRate, clipNorm, s, validationWindows);
        }
    }

    /**
     * Progress at a report.
     *
     * @param epoch          0-based epoch in progress
     * @param elapsedSeconds wall time since training began (reports' validation time included)
     * @param tokensSeen     training target tokens processed so far
     * @param trainLoss      mean training loss (nats per token) of the steps since the last report
     * @param valLoss        validation loss (nats per token), NaN without validation
     */
    public record Progress(int epoch, double elapsedSeconds, long tokensSeen, double trainLoss, double valLoss) {

        public double tokensPerSecond() {
            return tokensSeen / elapsedSeconds;
        }
    }

    /** Receives the reports. */
    public interface Listener {
        /** Every report interval, and once at the end. */
        void onReport(Progress progress);

        /** After each whole epoch (before its report, if any); default: nothing. */
        default void onEpochEnd(int epoch) {
        }
    }

    private final LanguageModel lm;
    private final LmData data;
    private final Settings settings;
    private final Trainer trainer;
    private final LmData.Examples validation; // null without validation ids

    public TextTraining(LanguageModel lm, LmData data, Settings settings) {
        this.lm = Objects.requireNonNull(lm, "TextTraining: model");
        this.data = Objects.requireNonNull(data, "TextTraining: data");
        this.settings = Objects.requireNonNull(settings, "TextTraining: settings");
        this.trainer = Trainer.compile(lm.model(), SparseCategoricalCrossEntropy.fromLogits(),
                Adam.defaults().withLearningRate(settings.learningRate()));
        this.validation = data.validation().length > settings.seqLen() ? validationWindows() : null;
        if (settings.stateful()) {
            LmData.streams(data.train(), settings.batchSize(), 0); // fails early when the text is too short
        } else {
            LmData.windows(data.train(), settings.seqLen(), data.train().length, 0, 0);
        }
    }

    /**
     * Trains for {@code epochs} epochs or {@code seconds} of wall time, whichever ends first, reporting every
     * {@code reportSeconds} and at the end.
     *
     * @return the last report
     */
    public Progress run(int epochs, double seconds, double reportSeconds, Listener listener) {
        if (epochs < 1 || !(seconds > 0) || !(reportSeconds > 0)) {
            throw new IllegalArgumentException("TextTraining.run: epochs must be at least 1, seconds and reportSeconds > 0;"
                    + " got " + epochs + ", " + seconds + ", " + reportSeconds);
        }
        Clock clock = new Clock(System.nanoTime(), seconds, reportSeconds, listener);
        RandomStreams random = new RandomStreams(settings.seed());
        for (int epoch = 0; epoch < epochs && !clock.outOfTime(); epoch++) {
            clock.epoch = epoch;
            FitOptions options = FitOptions.defaults().withBatchSize(settings.batchSize()).withSeed(settings.seed() + epoch)
                    .withCallbacks(clock);
            if (settings.clipNorm() > 0) {
                options = options.withClipping(GradientClipping.byGlobalNorm(settings.clipNorm()));
            }
            LmData.Examples examples;
            if (settings.stateful()) {
                examples = LmData.streams(data.train(), settings.batchSize(), lm.oneHotDepth());
                options = options.withShuffle(false).withTruncatedBptt(settings.seqLen(), settings.seqLen());
            } else {
                int offset = random.stream(RandomStreams.Purpose.SHUFFLE, epoch, 1).nextInt(settings.seqLen());
                offset = Math.min(offset, data.train().length - settings.seqLen() - 1);
                examples = LmData.windows(data.train(), settings.seqLen(), settings.seqLen(), offset, lm.oneHotDepth());
            }
            trainer.fit(examples.x(), examples.y(), options);
            listener.onEpochEnd(epoch);
        }
        return clock.report();
    }

    /** The validation loss (nats per token) on the fixed validation windows; NaN without validation. */
    public double validationLoss() {
        if (validation == null) {
            return Double.NaN;
        }
        lm.model().resetStates();
        double loss = trainer.evaluate(validation.x(), validation.y(), settings.batchSize()).get("loss");
        lm.model().resetStates();
        return loss;
    }

    /** The trainer (its optimizer state continues across {@link #run} calls). */
    public Trainer trainer() {
        return trainer;
    }

    private LmData.Examples validationWindows() {
        int[] ids = data.validation();
        int all = (ids.length - 1) / settings.seqLen();
        int stride = Math.max(1, all / settings.validationWindows()) * settings.seqLen();
        LmData.Examples every = LmData.windows(ids, settings.seqLen(), stride, 0, lm.oneHotDepth());
        int n = Math.min(every.x().dim(0), settings.validationWindows());
        return new LmData.Examples(every.x().slice(0, 0, n), every.y().slice(0, 0, n));
    }

    /** Counts tokens, averages losses between reports, reports on time and stops at the budget. */
    private final class Clock implements Callback {
        private final long start;
        private final double budget;
        private final double every;
        private final Listener listener;
        private int epoch;
        private long tokens;
        private double lossSum;
        private int steps;
        private double nextReport;
        private double lastTrainLoss = Double.NaN;

        Clock(long start, double budget, double every, Listener listener) {
            this.start = start;
            this.budget = budget;
            this.every = every;
            this.listener = listener;
            this.nextReport = every;
        }

        double elapsed() {
            return (System.nanoTime() - start) * 1e-9;
        }

        boolean outOfTime() {
            return elapsed() >= budget;
        }

        @Override
        public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
            tokens += (long) settings.batchSize() * settings.seqLen();
            lossSum += logs.get("batch_loss");
            steps++;
            if (outOfTime()) {
                context.stopTraining("the time budget of " + budget + " s is used up");
            } else if (elapsed() >= nextReport && !settings.stateful()) {
                report();
            }
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
            if (settings.stateful() && elapsed() >= nextReport) {
                report();
            }
        }

        Progress report() {
            double train = steps > 0 ? lossSum / steps : lastTrainLoss;
            double val = validationLoss();
            Progress p = new Progress(epoch, elapsed(), tokens, train, val);
            lastTrainLoss = train;
            lossSum = 0;
            steps = 0;
            while (nextReport <= p.elapsedSeconds()) {
                nextReport += every;
            }
            listener.onReport(p);
            return p;
        }
    }
}
