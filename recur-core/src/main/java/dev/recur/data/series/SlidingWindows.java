package dev.recur.data.series;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

/**
 * The windows of a series (or of several equally long series) and their targets, as laid out by
 * a {@link WindowSpec}. Windows are numbered in order: series by series, and within a series by
 * start time. {@link #all()} materialises every window; {@link #batch(int[])} only the chosen ones,
 * for shuffled mini-batches over a long series.
 *
 * <p>A window is made only when all its targets exist: a series of {@code n} steps gives
 * {@code floor((n - span) / stride) + 1} windows, {@code span = (window - 1 + horizon) * samplingRate + 1}.
 * For a next-step target this is Keras's {@code timeseries_dataset_from_array(data[:-1],
 * data[window:], window)}; Keras's own recipe {@code (data[:-window], data[window:])} stops
 * {@code window - 1} windows earlier.
 */
public final class SlidingWindows {

    private final Tensor rows; // [series * time, features], contiguous
    private final int time;
    private final int features;
    private final int perSeries; // windows per series
    private final int series;
    private final WindowSpec spec;
    private final int[] targetColumns;

    /**
     * @param data          [time, features] or [series, time, features]
     * @param spec          window layout and targets
     * @param targetColumns the features the targets hold (none given: all)
     */
    public SlidingWindows(Tensor data, WindowSpec spec, int... targetColumns) {
        if (data.rank() != 2 && data.rank() != 3) {
            throw new IllegalArgumentException("SlidingWindows: expected data of shape [time, features] or [series, time,"
                    + " features] but got " + data.shapeString() + ". Possible fix: unsqueeze(1) a univariate series");
        }
        this.series = data.rank() == 3 ? data.dim(0) : 1;
        this.time = data.dim(data.rank() - 2);
        this.features = data.dim(data.rank() - 1);
        this.spec = spec;
        if (features == 0) {
            throw new IllegalArgumentException("SlidingWindows: data of shape " + data.shapeString() + " has no features");
        }
        if (time < spec.span()) {
            throw new IllegalArgumentException("SlidingWindows: the series has " + time + " time steps, but a window of "
                    + spec.window() + " steps followed by " + spec.horizon() + " target step(s) at sampling rate "
                    + spec.samplingRate() + " spans " + spec.span() + ". Possible fix: a shorter window or horizon, or"
                    + " more data (check the split fractions)");
        }
        this.targetColumns = targetColumns.length == 0 ? allColumns(features) : targetColumns.clone();
        for (int c : this.targetColumns) {
            if (c < 0 || c >= features) {
                throw new IllegalArgumentException("SlidingWindows: target column " + c + " is outside [0, " + features
                        + ") of data shaped " + data.shapeString());
            }
        }
        this.rows = data.contiguous().reshape(series * time, features);
        this.perSeries = (time - spec.span()) / spec.stride() + 1;
    }

    /** Number of windows. */
    public int count() {
        return series * perSeries;
    }

    /** The series (index along the first dimension of 3-D data, else 0) window {@code w} comes from. */
    public int seriesOf(int w) {
        checkWindow("seriesOf", w);
        return w / perSeries;
    }

    /** The time step at which window {@code w} starts, within its series. */
    public int start(int w) {
        checkWindow("start", w);
        return (w % perSeries) * spec.stride();
    }

    /** Every window. */
    public WindowBatch all() {
        int[] all = new int[count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return batch(all);
    }

    /** The windows with these numbers, in this order. */
    public WindowBatch batch(int[] windows) {
        int b = windows.length;
        int window = spec.window();
        int horizon = spec.horizon();
        int r = spec.samplingRate();
        int[] base = new int[b];
        for (int i = 0; i < b; i++) {
            checkWindow("batch", windows[i]);
            base[i] = seriesOf(windows[i]) * time + start(windows[i]);
        }
        int[] in = new int[b * window];
        for (int i = 0, o = 0; i < b; i++) {
            for (int t = 0; t < window; t++) {
                in[o++] = base[i] + t * r;
            }
        }
        Tensor inputs = gather(in, allColumns(features), b, window, features);
        int nc = targetColumns.length;
        Tensor targets = switch (spec.target()) {
            case POINT -> {
                int[] idx = new int[b];
                for (int i = 0; i < b; i++) {
                    idx[i] = base[i] + (window - 1 + horizon) * r;
                }
                yield gather(idx, targetColumns, b, nc);
            }
            case NEXT_STEPS -> {
                int[] idx = new int[b * horizon];
                for (int i = 0, o = 0; i < b; i++) {
                    for (int k = 1; k <= horizon; k++) {
                        idx[o++] = base[i] + (window - 1 + k) * r;
                    }
                }
                yield gather(idx, targetColumns, b, horizon * nc);
            }
            case EVERY_STEP -> {
                int[] idx = new int[b * window * horizon];
                for (int i = 0, o = 0; i < b; i++) {
                    for (int t = 0; t < window; t++) {
                        for (int k = 1; k <= horizon; k++) {
                            idx[o++] = base[i] + (t + k) * r;
                        }
                    }
                }
                yield gather(idx, targetColumns, b, window, horizon * nc);
            }
        };
        return new WindowBatch(inputs, targets);
    }

    /** Row {@code rowIndex[i]}'s {@code columns}, for each i, laid out densely in {@code shape}. */
    private Tensor gather(int[] rowIndex, int[] columns, int... shape) {
        Tensor out = Tensor.zeros(rows.dtype(), shape);
        int nc = columns.length;
        int off = rows.offset();
        if (rows.dtype() == DType.FLOAT32) {
            float[] src = rows.floats();
            float[] dst = out.floats();
            for (int i = 0; i < rowIndex.length; i++) {
                for (int c = 0; c < nc; c++) {
                    dst[i * nc + c] = src[off + rowIndex[i] * features + columns[c]];
                }
            }
        } else {
            double[] src = rows.doubles();
            double[] dst = out.doubles();
            for (int i = 0; i < rowIndex.length; i++) {
                for (int c = 0; c < nc; c++) {
                    dst[i * nc + c] = src[off + rowIndex[i] * features + columns[c]];
                }
            }
        }
        return out;
    }

    private void checkWindow(String op, int w) {
        if (w < 0 || w >= count()) {
            throw new IllegalArgumentException("SlidingWindows." + op + ": window " + w + " is outside [0, " + count() + ")");
        }
    }

    private static int[] allColumns(int n) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i;
        }
        return c;
    }
}
