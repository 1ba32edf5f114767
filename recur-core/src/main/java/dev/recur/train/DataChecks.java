package dev.recur.train;

import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * Checks of the data given to fit, evaluate and predict, made before any training time is
 * spent. Every message names the argument, what was expected, what was received and a fix.
 */
final class DataChecks {

    private DataChecks() {
    }

    /** x is a tensor of samples {@code [N, ...]} with at least one feature dimension. */
    static void inputs(Tensor x, String what) {
        if (x == null) {
            throw new IllegalArgumentException(what + " is null; pass the inputs as a tensor [samples, ...]");
        }
        if (x.rank() < 2) {
            throw new IllegalArgumentException(what + " has shape " + x.shapeString() + " but inputs need a sample"
                    + " dimension and at least one more ([samples, features] or [samples, time, features]). Possible"
                    + " cause: one feature per sample; reshape to [" + (x.rank() == 1 ? x.dim(0) : 1) + ", 1]");
        }
        if (x.dim(0) == 0) {
            throw new IllegalArgumentException(what + " has 0 samples (shape " + x.shapeString() + "); there is nothing"
                    + " to work on. Possible cause: an empty file, or filters or a window length that left no sample");
        }
    }

    /** x and y pair up sample by sample; {@code op} is e.g. {@code "fit"}, the names e.g. {@code "validation x"}. */
    static void paired(Tensor x, Tensor y, String op, String xName, String yName) {
        if (y == null) {
            throw new IllegalArgumentException(op + ": " + yName + " is null; pass the targets as a tensor [samples, ...]");
        }
        if (y.rank() < 1 || y.dim(0) != x.dim(0)) {
            throw new IllegalArgumentException(op + ": " + xName + " has " + x.dim(0) + " samples but " + yName + " has "
                    + (y.rank() < 1 ? "none (a scalar)" : y.dim(0)) + " (shapes " + x.shapeString() + " and "
                    + y.shapeString() + "); every input needs its target");
        }
    }

    /** x fits a built model's input shape (batch excluded; -1 matches any size). */
    /**
     * The model's output shape with an unknown time (-1, a model built for any sequence length)
     * replaced by that of {@code x [N, time, ...]}: the shape targets of x must have.
     */
    static int[] outputShape(dev.recur.nn.Model model, Tensor x) {
        int[] out = model.outputShape();
        if (out.length >= 1 && out[0] == -1 && x.rank() >= 2) {
            out[0] = x.dim(1);
        }
        return out;
    }

    static void fitsModel(Tensor x, int[] modelInput, String what) {
        int[] given = Arrays.copyOfRange(x.shape(), 1, x.rank());
        boolean ok = given.length == modelInput.length;
        for (int i = 0; ok && i < given.length; i++) {
            ok = modelInput[i] == -1 || modelInput[i] == given[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " has samples of shape " + Shapes.str(given)
                    + " but the model was built for inputs of shape " + Shapes.str(modelInput)
                    + " (batch excluded). Possible cause: other features or window length than in training");
        }
    }

    /**
     * Rejects NaN and infinite values, naming the first sample that holds one, and returns a
     * fingerprint of the values (FNV-1a over their bits) that tells a resumed run's data apart.
     */
    static long finite(Tensor t, String what) {
        Tensor c = t.contiguous();
        int n = c.size();
        int perSample = Math.max(1, n / Math.max(1, c.dim(0)));
        long hash = 0xCBF29CE484222325L;
        int off = c.offset();
        if (c.dtype() == DType.FLOAT32) {
            float[] v = c.floats();
            for (int i = 0; i < n; i++) {
                float f = v[off + i];
                if (!Float.isFinite(f)) {
                    throw notFinite(what, f, i, perSample, c);
                }
                hash = (hash ^ Float.floatToIntBits(f)) * 0x100000001B3L;
            }
        } else {
            double[] v = c.doubles();
            for (int i = 0; i < n; i++) {
                double d = v[off + i];
                if (!Double.isFinite(d)) {
                    throw notFinite(what, d, i, perSample, c);
                }
                hash = (hash ^ Double.doubleToLongBits(d)) * 0x100000001B3L;
            }
        }
        return hash;
    }

    private static IllegalArgumentException notFinite(String what, double v, int flat, int perSample, Tensor t) {
        return new IllegalArgumentException(what + " holds " + v + " in sample " + flat / perSample + " (element "
                + position(flat, t.shape()) + " of shape " + t.shapeString() + "); training needs finite values."
                + " Possible cause: missing values in the data; fill them (CsvOptions imputation) or drop those samples");
    }

    private static String position(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return Arrays.toString(idx);
    }

    /** A batch size that fits the data: never clamped silently. */
    static void batchSize(int batchSize, int samples, String where) {
        if (batchSize > samples) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is larger than the " + samples + " " + where
                    + "; choose a batchSize of at most " + samples + " (Keras would silently use one smaller batch)");
        }
    }
}
