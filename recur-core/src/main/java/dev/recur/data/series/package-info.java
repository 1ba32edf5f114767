/**
 * Time series for forecasting: from a CSV file (or the textbook synthetic series) to batch-first
 * tensors of windows and targets.
 *
 * <p>The usual path: {@link dev.recur.data.series.CsvSeries#read} gives a
 * {@link dev.recur.data.series.TimeSeries} of shape {@code [time, features]};
 * {@link dev.recur.data.series.Split} cuts it chronologically into train, validation and test;
 * a {@link dev.recur.data.series.Scaler} is fitted on the training part only and applied to all
 * three; {@link dev.recur.data.series.SlidingWindows} turns each part into inputs
 * {@code [batch, window, features]} and targets shaped by its
 * {@link dev.recur.data.series.WindowSpec}. Split before windowing, so no window straddles two
 * parts.
 */
package dev.recur.data.series;
