package dev.recur.data.series;

import java.util.List;
import java.util.Set;

/**
 * What {@link CsvSeries} reads from a CSV file with a header row.
 *
 * @param columns        the numeric columns to read, by header name, in this order; empty for
 *                       every column except the date column
 * @param dateColumn     the column of timestamps, kept as text; null for none
 * @param delimiter      the field separator
 * @param imputation     what to do with a missing value
 * @param missingMarkers texts that mean "missing" besides an empty field (compared after
 *                       trimming spaces), e.g. {@code "NA"} or {@code "?"}
 */
public record CsvOptions(List<String> columns, String dateColumn, char delimiter, Imputation imputation,
                         Set<String> missingMarkers) {

    /** How missing values in the numeric columns are handled. */
    public enum Imputation {
        /** A missing value is an error naming the file, row and column. */
        NONE,
        /** Carry the previous row's value forward (an error if the first row is missing). */
        PREVIOUS,
        /** Interpolate linearly between the nearest values before and after, by row position. */
        LINEAR,
        /** Drop every row with a missing value in a selected column. */
        DROP_ROW
    }

    /** Texts read as missing by default, besides the empty field. */
    public static final Set<String> DEFAULT_MISSING_MARKERS = Set.of("NA", "N/A", "?");

    public CsvOptions {
        if (columns == null || imputation == null || missingMarkers == null) {
            throw new IllegalArgumentException("CsvOptions: columns, imputation and missingMarkers must not be null");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("CsvOptions: the delimiter cannot be a quote or a line break; got "
                    + (delimiter == '"' ? "'\"'" : "a line break"));
        }
        columns = List.copyOf(columns);
        missingMarkers = Set.copyOf(missingMarkers);
    }

    /** Every column except the date column, comma-separated, missing values an error. */
    public static CsvOptions allColumns() {
        return new CsvOptions(List.of(), null, ',', Imputation.NONE, DEFAULT_MISSING_MARKERS);
    }

    /** These numeric columns, comma-separated, missing values an error. */
    public static CsvOptions columns(String... names) {
        return new CsvOptions(List.of(names), null, ',', Imputation.NONE, DEFAULT_MISSING_MARKERS);
    }

    public CsvOptions withDateColumn(String name) {
        return new CsvOptions(columns, name, delimiter, imputation, missingMarkers);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(columns, dateColumn, d, imputation, missingMarkers);
    }

    public CsvOptions withImputation(Imputation i) {
        return new CsvOptions(columns, dateColumn, delimiter, i, missingMarkers);
    }

    public CsvOptions withMissingMarkers(String... markers) {
        return new CsvOptions(columns, dateColumn, delimiter, imputation, Set.of(markers));
    }
}
