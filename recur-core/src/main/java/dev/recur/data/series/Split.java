package dev.recur.data.series;

import dev.recur.tensor.Tensor;

/**
 * A chronological split along the first dimension: the first rows train, the next validate, the
 * rest test. Nothing is shuffled, so the model is always evaluated on a later period than it was
 * trained on. The parts are views of the data (no copy).
 *
 * <p>For [time, features] data the first dimension is time; for a batch of independent series
 * [series, time, features] (the synthetic series) it is the series, as in Géron's
 * {@code X[:7000], X[7000:9000], X[9000:]}.
 *
 * @param train      the first rows, [trainRows, ...]
 * @param validation the rows after them, [validationRows, ...], possibly empty
 * @param test       the remaining rows, [testRows, ...], possibly empty
 */
public record Split(Tensor train, Tensor validation, Tensor test) {

    /**
     * Fractions of the rows for training and validation; the test part gets the rest. Counts
     * are rounded down (Python's {@code int(len(data) * 0.67)}), forgiving the binary rounding of
     * the product (0.29 * 100 gives 29 rows, not 28).
     */
    public static Split byFraction(Tensor data, double train, double validation) {
        if (!(train > 0 && train <= 1) || !(validation >= 0) || train + validation > 1 + 1e-12) {
            throw new IllegalArgumentException("Split.byFraction: fractions must satisfy 0 < train <= 1, validation >= 0"
                    + " and train + validation <= 1; got train=" + train + ", validation=" + validation);
        }
        int n = rows(data);
        int nTrain = (int) Math.floor(n * train + 1e-9);
        int nValidation = Math.min(n - nTrain, (int) Math.floor(n * validation + 1e-9));
        return byCount(data, nTrain, nValidation);
    }

    /** The first {@code train} rows, the next {@code validation}, and the rest. */
    public static Split byCount(Tensor data, int train, int validation) {
        int n = rows(data);
        if (train < 1 || validation < 0 || (long) train + validation > n) {
            throw new IllegalArgumentException("Split.byCount: " + train + " training and " + validation + " validation rows"
                    + " do not fit in the " + n + " rows of data shaped " + data.shapeString()
                    + " (at least 1 training row is needed)");
        }
        return new Split(data.slice(0, 0, train), data.slice(0, train, train + validation),
                data.slice(0, train + validation, n));
    }

    private static int rows(Tensor data) {
        if (data.rank() == 0) {
            throw new IllegalArgumentException("Split: a scalar cannot be split; expected data shaped [time, ...]");
        }
        return data.dim(0);
    }
}
