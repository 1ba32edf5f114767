package dev.recur.tasks.forecast;

import dev.recur.tensor.Tensor;

/**
 * The forecasts that need no training, which a model must beat to be worth anything:
 * <ul>
 *   <li>naive: every future step equals the window's last value;</li>
 *   <li>seasonal naive: a future step equals the value one season earlier, i.e. step {@code k}
 *       after the window's last step {@code t} is forecast as {@code x[t + k - S*ceil(k/S)]}
 *       (period {@code S}); with {@code S = 1} it is the naive forecast.</li>
 * </ul>
 * Both read one feature of windows {@code [batch, window, features]} and give {@code [batch, horizon]}.
 */
public final class Baselines {

    private Baselines() {
    }

    /** The last value of feature {@code column}, repeated {@code horizon} times: [batch, horizon]. */
    public static Tensor naive(Tensor windows, int horizon, int column) { // windows: [batch, window, features]
        return seasonalNaive(windows, 1, horizon, column);
    }

    /** The value one season back for each of the next {@code horizon} steps: [batch, horizon]. */
    public static Tensor seasonalNaive(Tensor windows, int season, int horizon, int column) {
        if (windows.rank() != 3) {
            throw new IllegalArgumentException("Baselines: expected windows shaped [batch, window, features] but got "
                    + windows.shapeString());
        }
        int batch = windows.dim(0);
        int window = windows.dim(1);
        if (season < 1 || horizon < 1) {
            throw new IllegalArgumentException("Baselines: season and horizon must be at least 1; got season=" + season
                    + ", horizon=" + horizon);
        }
        if (season > window) {
            throw new IllegalArgumentException("Baselines.seasonalNaive: a season of " + season + " steps needs windows of"
                    + " at least " + season + " steps, got " + window + ". Possible fix: a longer window");
        }
        if (column < 0 || column >= windows.dim(2)) {
            throw new IllegalArgumentException("Baselines: column " + column + " is outside [0, " + windows.dim(2)
                    + ") of windows shaped " + windows.shapeString());
        }
        Tensor out = Tensor.zeros(windows.dtype(), batch, horizon);
        for (int b = 0; b < batch; b++) {
            for (int k = 1; k <= horizon; k++) {
                int back = season * ((k + season - 1) / season); // S * ceil(k / S)
                int t = window - 1 + k - back;
                out.set(windows.get(b, t, column), b, k - 1);
            }
        }
        return out;
    }
}
