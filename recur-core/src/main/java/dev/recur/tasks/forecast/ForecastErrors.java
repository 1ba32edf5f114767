package dev.recur.tasks.forecast;

import dev.recur.tensor.Tensor;

/**
 * How far forecasts are from what happened, averaged over every forecast value.
 *
 * @param mse  mean squared error
 * @param mae  mean absolute error
 * @param rmse root of the mean squared error, in the data's units
 */
public record ForecastErrors(double mse, double mae, double rmse) {

    /** The errors of {@code forecasts} against {@code actual}, two tensors of one shape (e.g. [batch, horizon]). */
    public static ForecastErrors of(Tensor forecasts, Tensor actual) {
        if (!java.util.Arrays.equals(forecasts.shape(), actual.shape())) {
            throw new IllegalArgumentException("ForecastErrors.of: forecasts shaped " + forecasts.shapeString()
                    + " and actual values shaped " + actual.shapeString() + " must have one shape");
        }
        if (forecasts.size() == 0) {
            throw new IllegalArgumentException("ForecastErrors.of: no forecasts (shape " + forecasts.shapeString() + ")");
        }
        Tensor f = forecasts.contiguous();
        Tensor a = actual.contiguous();
        double sq = 0;
        double abs = 0;
        for (int i = 0; i < f.size(); i++) {
            double e = f.getFlat(i) - a.getFlat(i);
            sq += e * e;
            abs += Math.abs(e);
        }
        double mse = sq / f.size();
        return new ForecastErrors(mse, abs / f.size(), Math.sqrt(mse));
    }
}
