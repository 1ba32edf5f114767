package dev.recur.data.series;

import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * Numeric columns of a table indexed by time, as read from a CSV file.
 *
 * @param source  where the data came from (the file), for messages and a model's data description
 * @param columns the column names, in the order of the features
 * @param dates   the date column's text per row, or empty when no date column was read
 * @param values  [time, features], float32
 */
public record TimeSeries(String source, List<String> columns, List<String> dates, Tensor values) {

    public TimeSeries {
        columns = List.copyOf(columns);
        dates = List.copyOf(dates);
        if (values.rank() != 2 || values.dim(1) != columns.size() || (!dates.isEmpty() && dates.size() != values.dim(0))) {
            throw new IllegalArgumentException("TimeSeries: values shaped " + values.shapeString() + " do not match "
                    + columns.size() + " columns and " + dates.size() + " dates");
        }
    }

    /** Number of time steps (rows). */
    public int length() {
        return values.dim(0);
    }

    /** The feature index of a column; an unknown name is an error listing the available ones. */
    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("TimeSeries " + source + " has no column \"" + name + "\"; available: "
                    + CsvSeries.quoted(columns));
        }
        return i;
    }

    /** One column as [time, 1] (a view). */
    public Tensor column(String name) {
        int i = columnIndex(name);
        return values.slice(1, i, i + 1);
    }
}
