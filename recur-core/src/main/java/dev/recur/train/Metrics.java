package dev.recur.train;

import dev.recur.loss.Predictions;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * The built-in metrics, named as Keras names them in logs. Each is computed per element (a sample,
 * or a time step of a sequence output: every position of the predictions but the last dimension),
 * averaged over the batch's unmasked elements. With class-index targets, an element whose index is
 * not a class (the sparse loss's ignore index, such as -100) is skipped as the loss skips it.
 *
 * <ul>
 *   <li>{@link #accuracy()}: argmax of the predictions equals the target class (class indices, or
 *       the argmax of one-hot rows); Keras's {@code sparse_categorical_accuracy} /
 *       {@code categorical_accuracy}. Needs at least 2 outputs.</li>
 *   <li>{@link #binaryAccuracy()}: each output thresholded at 0.5, which reads probabilities
 *       (a sigmoid output, Keras's default); for logits pass threshold 0 with
 *       {@link #binaryAccuracy(double)}. Targets must be 0 or 1 to count as right.</li>
 *   <li>{@link #mse()}, {@link #mae()}: mean squared / absolute error over the last dimension.</li>
 *   <li>{@link #perplexity(Predictions)}: {@code exp} of the epoch's mean cross-entropy (from logits or
 *       probabilities; class-index or one-hot/probability targets), the language-model measure.</li>
 * </ul>
 */
public final class Metrics {

    private Metrics() {
    }

    /** Argmax accuracy, named {@code accuracy}. */
    public static Metric accuracy() {
        return new Accuracy();
    }

    /** Binary accuracy at threshold 0.5 (probabilities), named {@code binary_accuracy}. */
    public static Metric binaryAccuracy() {
        return new BinaryAccuracy(0.5);
    }

    /** Binary accuracy: an output above {@code threshold} predicts 1 (use 0 for logits). */
    public static Metric binaryAccuracy(double threshold) {
        return new BinaryAccuracy(threshold);
    }

    /** Mean squared error, named {@code mse}. */
    public static Metric mse() {
        return new Regression("mse", true);
    }

    /** Mean absolute error, named {@code mae}. */
    public static Metric mae() {
        return new Regression("mae", false);
    }

    /** Perplexity, {@code exp(mean cross-entropy)}, named {@code perplexity}. */
    public static Metric perplexity(Predictions kind) {
        return new Perplexity(Objects.requireNonNull(kind, "perplexity: kind must be Predictions.LOGITS or PROBABILITIES"));
    }

    /** A valid metric name: not blank, not {@code loss}, not starting with {@code val_}. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Metric.of: the name must not be blank; it is the metric's key in the logs");
        }
        if (name.equals("loss") || name.startsWith("val_")) {
            throw new IllegalArgumentException("Metric.of: the name '" + name + "' is reserved (the logs use 'loss' and"
                    + " 'val_' + name for validation); choose another name");
        }
        return name;
    }

    // ---- the per-element machinery ----------------------------------------------------------

    /** A metric that is a mean of one value per element, over the unmasked elements. */
    private abstract static class PerElement implements Metric {

        /** The value of element {@code row}: predictions at {@code row * width}, targets as {@link Rows} reads them. */
        abstract double element(Rows rows, int row);

        @Override
        public double batchValue(Tensor predictions, Tensor targets, Tensor mask) {
            Rows rows = new Rows(predictions, targets);
            boolean masked = mask != null && mask.size() == rows.count;
            double sum = 0;
            int counted = 0;
            for (int r = 0; r < rows.count; r++) {
                if (masked && mask.getFlat(r) == 0 || rows.indices && !rows.isClass(r)) {
                    continue;
                }
                sum += element(rows, r);
                counted++;
            }
            return counted == 0 ? 0.0 : sum / counted;
        }

        /** Requires targets shaped like the predictions. */
        void checkSameShape(int[] p, int[] t, String hint) {
            if (!Arrays.equals(p, t)) {
                throw new IllegalArgumentException(name() + ": targets of shape " + Shapes.str(t)
                        + " do not match predictions of shape " + Shapes.str(p) + " (batch excluded); " + hint);
            }
        }

        /** Requires targets shaped like the predictions, or class indices (the predictions' shape without the last one). */
        void checkDenseOrIndices(int[] p, int[] t) {
            if (!Arrays.equals(p, t) && !Arrays.equals(Arrays.copyOf(p, p.length - 1), t)) {
                throw new IllegalArgumentException(name() + ": targets of shape " + Shapes.str(t) + " fit neither"
                        + " predictions of shape " + Shapes.str(p) + " (one-hot rows) nor their class indices "
                        + Shapes.str(Arrays.copyOf(p, p.length - 1)) + " (batch excluded)");
            }
        }
    }

    /** Predictions read row by row, and their targets: a row of values, or one class index per row. */
    private static final class Rows {
        final Flat p;        // [rows * width] values
        final Flat t;        // [rows * width] or [rows]
        final int width;     // last dimension of the predictions
        final int count;     // number of rows (elements)
        final boolean indices;
        private final Tensor predictions;
        private Flat logSumExp; // [rows] of the predictions as logits, computed on first use

        Rows(Tensor predictions, Tensor targets) {
            this.predictions = predictions;
            this.p = new Flat(predictions);
            this.t = new Flat(targets);
            this.width = predictions.dim(-1);
            this.count = width == 0 ? 0 : predictions.size() / width;
            this.indices = targets.rank() == predictions.rank() - 1;
        }

        double p(int row, int j) {
            return p.at(row * width + j);
        }

        double t(int row, int j) {
            return t.at(row * width + j);
        }

        /** log(sum(exp(row))) of a row of logits. */
        double logSumExp(int row) {
            if (logSumExp == null) {
                logSumExp = new Flat(predictions.logSumExp());
            }
            return logSumExp.at(row);
        }

        /** Whether a row's class index is a class (the loss's ignore index, such as -100, is not). */
        boolean isClass(int row) {
            double v = t.at(row);
            return v >= 0 && v < width;
        }

        /** The target class of a row: its index, or the argmax of its one-hot row. */
        int targetClass(int row) {
            return indices ? (int) t.at(row) : argmax(t, row * width, width);
        }
    }

    /** Row-major reads straight from a dense tensor's backing array (getFlat would recompute strides per element). */
    private static final class Flat {
        private final float[] f; // or null
        private final double[] d; // or null
        private final int offset;

        Flat(Tensor tensor) {
            Tensor c = tensor.contiguous();
            this.f = c.dtype() == DType.FLOAT32 ? c.floats() : null;
            this.d = f == null ? c.doubles() : null;
            this.offset = c.offset();
        }

        double at(int i) {
            return f != null ? f[offset + i] : d[offset + i];
        }
    }

    private static int argmax(Flat x, int from, int n) {
        int best = 0;
        double bv = x.at(from);
        for (int j = 1; j < n; j++) {
            double v = x.at(from + j);
            if (v > bv) {
                bv = v;
                best = j;
            }
        }
        return best;
    }

    // ---- the metrics ------------------------------------------------------------------------

    private static final class Accuracy extends PerElement {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public void check(int[] p, int[] t) {
            if (p[p.length - 1] < 2) {
                throw new IllegalArgumentException("accuracy: the model gives " + p[p.length - 1] + " output per element,"
                        + " but accuracy takes the argmax over one output per class. For a single sigmoid or logit output"
                        + " use Metrics.binaryAccuracy()");
            }
            checkDenseOrIndices(p, t);
        }

        @Override
        double element(Rows rows, int r) {
            return argmax(rows.p, r * rows.width, rows.width) == rows.targetClass(r) ? 1.0 : 0.0;
        }
    }

    private static final class BinaryAccuracy extends PerElement {
        private final double threshold;

        BinaryAccuracy(double threshold) {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("binaryAccuracy: threshold must be finite but got " + threshold
                        + "; use 0.5 for probabilities, 0 for logits");
            }
            this.threshold = threshold;
        }

        @Override
        public String name() {
            return "binary_accuracy";
        }

        @Override
        public void check(int[] p, int[] t) {
            checkSameShape(p, t, "binary accuracy compares each output with its own 0/1 target");
        }

        @Override
        double element(Rows rows, int r) {
            int right = 0;
            for (int j = 0; j < rows.width; j++) {
                double predicted = rows.p(r, j) > threshold ? 1.0 : 0.0;
                right += rows.t(r, j) == predicted ? 1 : 0;
            }
            return (double) right / rows.width;
        }
    }

    private static final class Regression extends PerElement {
        private final String name;
        private final boolean squared;

        Regression(String name, boolean squared) {
            this.name = name;
            this.squared = squared;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void check(int[] p, int[] t) {
            checkSameShape(p, t, "give one target per output");
        }

        @Override
        double element(Rows rows, int r) {
            double s = 0;
            for (int j = 0; j < rows.width; j++) {
                double d = rows.p(r, j) - rows.t(r, j);
                s += squared ? d * d : Math.abs(d);
            }
            return s / rows.width;
        }
    }

    private static final class Perplexity extends PerElement {
        private static final double EPSILON = 1e-7; // Keras's clipping of probabilities
        private final Predictions kind;

        Perplexity(Predictions kind) {
            this.kind = kind;
        }

        @Override
        public String name() {
            return "perplexity";
        }

        @Override
        public void check(int[] p, int[] t) {
            checkDenseOrIndices(p, t);
        }

        @Override
        double element(Rows rows, int r) { // cross-entropy -sum_c t_c log p_c
            if (rows.indices) {
                return -logProbability(rows, r, rows.targetClass(r));
            }
            double ce = 0;
            for (int j = 0; j < rows.width; j++) {
                double t = rows.t(r, j);
                if (t != 0) {
                    ce -= t * logProbability(rows, r, j);
                }
            }
            return ce;
        }

        private double logProbability(Rows rows, int r, int c) {
            if (kind == Predictions.LOGITS) {
                return rows.p(r, c) - rows.logSumExp(r);
            }
            return Math.log(Math.min(Math.max(rows.p(r, c), EPSILON), 1 - EPSILON));
        }

        @Override
        public double result(double meanCrossEntropy) {
            return Math.exp(meanCrossEntropy);
        }
    }
}
