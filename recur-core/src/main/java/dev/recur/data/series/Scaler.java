package dev.recur.data.series;

import dev.recur.data.ConfigReader;
import dev.recur.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-feature affine rescaling {@code x' = (x - shift) / scale}, fitted on training data only
 * and then applied to every part, so that no statistic of the validation or test period leaks
 * into training. Features are the last dimension; statistics pool all other dimensions.
 *
 * <ul>
 *   <li>{@link #standard}: {@code shift} = mean, {@code scale} = population standard deviation
 *       (scikit-learn's {@code StandardScaler}; a constant feature gets scale 1).</li>
 *   <li>{@link #minMax}: maps the training minimum and maximum to {@code lo} and {@code hi}
 *       (scikit-learn's {@code MinMaxScaler}; a constant feature maps to {@code lo}).</li>
 * </ul>
 * Statistics are computed in double precision; results keep the input's type.
 */
public final class Scaler {

    /** How a scaler was fitted (kept for descriptions and configuration). */
    public enum Kind { STANDARD, MIN_MAX }

    private static final String FORMAT = "recur.series.Scaler";
    private static final int VERSION = 1;

    private final Kind kind;
    private final double[] shift; // [features]
    private final double[] scale; // [features], never 0

    private Scaler(Kind kind, double[] shift, double[] scale) {
        this.kind = kind;
        this.shift = shift;
        this.scale = scale;
    }

    /** Standardization to mean 0 and standard deviation 1 per feature. */
    public static Scaler standard(Tensor train) { // train: [..., features]
        double[][] cols = columns("Scaler.standard", train);
        double[] mean = new double[cols.length];
        double[] std = new double[cols.length];
        for (int f = 0; f < cols.length; f++) {
            double sum = 0;
            for (double v : cols[f]) {
                sum += v;
            }
            mean[f] = sum / cols[f].length;
            double sq = 0;
            for (double v : cols[f]) {
                sq += (v - mean[f]) * (v - mean[f]);
            }
            double s = Math.sqrt(sq / cols[f].length);
            std[f] = s == 0 ? 1 : s;
        }
        return new Scaler(Kind.STANDARD, mean, std);
    }

    /** Rescaling of each feature's training range to [0, 1]. */
    public static Scaler minMax(Tensor train) {
        return minMax(train, 0, 1);
    }

    /** Rescaling of each feature's training range to [lo, hi]. */
    public static Scaler minMax(Tensor train, double lo, double hi) { // train: [..., features]
        if (!(lo < hi)) {
            throw new IllegalArgumentException("Scaler.minMax: the target range needs lo < hi; got lo=" + lo + ", hi=" + hi);
        }
        double[][] cols = columns("Scaler.minMax", train);
        double[] shift = new double[cols.length];
        double[] scale = new double[cols.length];
        for (int f = 0; f < cols.length; f++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : cols[f]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double range = max > min ? max - min : 1;
            scale[f] = range / (hi - lo);
            shift[f] = min - lo * scale[f];
        }
        return new Scaler(Kind.MIN_MAX, shift, scale);
    }

    public Kind kind() {
        return kind;
    }

    /** Number of features this scaler was fitted on. */
    public int features() {
        return shift.length;
    }

    /** Per-feature shift (the mean, for a standard scaler). */
    public double[] shift() {
        return shift.clone();
    }

    /** Per-feature scale (the standard deviation, for a standard scaler). */
    public double[] scale() {
        return scale.clone();
    }

    /**
     * The scaler of some features only, e.g. of the target column, to turn a model's scaled
     * forecasts back into data units.
     */
    public Scaler select(int... features) {
        double[] sh = new double[features.length];
        double[] sc = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            if (features[i] < 0 || features[i] >= shift.length) {
                throw new IllegalArgumentException("Scaler.select: feature " + features[i] + " is outside [0, "
                        + shift.length + ")");
            }
            sh[i] = shift[features[i]];
            sc[i] = scale[features[i]];
        }
        return new Scaler(kind, sh, sc);
    }

    /** {@code (x - shift) / scale} per feature; x's last dimension is the features (or anything, for one feature). */
    public Tensor transform(Tensor x) {
        return apply("transform", x, false);
    }

    /** {@code x * scale + shift}: the inverse of {@link #transform}. */
    public Tensor inverseTransform(Tensor x) {
        return apply("inverseTransform", x, true);
    }

    private Tensor apply(String op, Tensor x, boolean inverse) {
        int last = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        if (features() != 1 && last != features()) {
            throw new IllegalArgumentException("Scaler." + op + ": the last dimension of " + x.shapeString() + " is " + last
                    + " but the scaler was fitted on " + features() + " features. Possible fix: select(...) the"
                    + " features this tensor holds");
        }
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        Tensor src = x.contiguous();
        int n = x.size();
        for (int i = 0; i < n; i++) {
            int f = features() == 1 ? 0 : i % last;
            double v = src.getFlat(i);
            out.setFlat(i, inverse ? v * scale[f] + shift[f] : (v - shift[f]) / scale[f]);
        }
        return out;
    }

    /** The fitted values as a JSON-ready map, for a model file's metadata. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("kind", kind.name());
        m.put("shift", Arrays.stream(shift).boxed().toList());
        m.put("scale", Arrays.stream(scale).boxed().toList());
        return m;
    }

    /** A scaler from {@link #toConfig()}'s map; every key is checked. */
    public static Scaler fromConfig(Map<String, ?> config) {
        ConfigReader r = new ConfigReader("Scaler config", config);
        r.requireFormat(FORMAT, VERSION);
        Kind kind = r.constant("kind", Kind.class);
        double[] shift = r.numbers("shift");
        double[] scale = r.numbers("scale");
        if (shift.length != scale.length || shift.length == 0) {
            throw r.error("\"shift\" has " + shift.length + " values and \"scale\" " + scale.length
                    + "; they must be equally long and not empty");
        }
        for (double s : scale) {
            if (s == 0) {
                throw r.error("\"scale\" contains 0, which cannot be divided by");
            }
        }
        return new Scaler(kind, shift, scale);
    }

    /** The training values by feature, checked: [features][rows]. */
    private static double[][] columns(String op, Tensor train) {
        if (train.rank() == 0 || train.size() == 0) {
            throw new IllegalArgumentException(op + ": no training data (shape " + train.shapeString() + ")");
        }
        int features = train.dim(train.rank() - 1);
        int rows = train.size() / features;
        double[][] cols = new double[features][rows];
        Tensor src = train.contiguous();
        for (int i = 0; i < train.size(); i++) {
            double v = src.getFlat(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(op + ": training data has " + v + " in feature " + (i % features)
                        + " (row " + i / features + "); clean or impute the data first");
            }
            cols[i % features][i / features] = v;
        }
        return cols;
    }

    @Override
    public String toString() {
        return "Scaler[" + kind + ", shift=" + Arrays.toString(shift) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
