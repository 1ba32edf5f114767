/**
 * Time-series forecasting as a task: the baselines every forecaster must beat (naive, seasonal
 * naive), the three ways to forecast several steps ahead ({@link dev.recur.tasks.forecast.Strategy}),
 * the error measures ({@link dev.recur.tasks.forecast.ForecastErrors}), the textbook experiment of
 * Géron's ch. 15 ({@link dev.recur.tasks.forecast.Textbook}), and a forecaster trained on one column
 * of a real series and saved with its window, horizon and scaler
 * ({@link dev.recur.tasks.forecast.SeriesForecast}, {@link dev.recur.tasks.forecast.Forecaster}).
 *
 * <p>Windows and targets come from {@link dev.recur.data.series}; models from layer
 * specifications ({@link dev.recur.nn.spec.LayerRegistry}); training from {@link dev.recur.train.Trainer}.
 */
package dev.recur.tasks.forecast;
