package dev.recur.data.series;

import dev.recur.data.series.CsvOptions.Imputation;
import dev.recur.tensor.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a time series from a CSV file with a header row: an optional date column kept as text
 * and numeric columns chosen by name, into a {@link TimeSeries} of shape [time, features].
 *
 * <p>The reader is strict, because a silently wrong number trains a silently wrong model: every
 * value must be a plain decimal number ({@code 12}, {@code -0.5}, {@code 1e-3}); {@code NaN} and
 * {@code inf} are errors; an empty field or one of the {@link CsvOptions#missingMarkers()} is a
 * missing value, an error unless an {@link Imputation} is chosen. Errors name the file, the
 * 1-based data row (the first row after the header is row 1), the line in the file, and the
 * column's position and name.
 */
public final class CsvSeries {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private CsvSeries() {
    }

    /** Reads a UTF-8 CSV file. */
    public static TimeSeries read(Path file, CsvOptions options) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), options);
    }

    /** Parses CSV text; {@code source} names it in messages (a file name). */
    public static TimeSeries parse(String source, String text, CsvOptions options) {
        List<CsvRecords.Row> rows = CsvRecords.split(source, text, options.delimiter());
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty; expected a header row and data rows");
        }
        List<String> header = rows.getFirst().fields();
        int dateAt = options.dateColumn() == null ? -1 : find(source, header, options.dateColumn());
        int[] cols = selectColumns(source, header, options, dateAt);
        List<String> names = new ArrayList<>();
        for (int c : cols) {
            names.add(header.get(c));
        }
        List<CsvRecords.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        double[][] values = new double[data.size()][cols.length]; // NaN marks a missing value
        List<String> dates = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            CsvRecords.Row row = data.get(r);
            if (row.fields().size() != header.size()) {
                throw new IllegalArgumentException(source + ": row " + (r + 1) + " (line " + row.line() + ") has "
                        + row.fields().size() + " fields but the header has " + header.size()
                        + ". Possible cause: a delimiter other than '" + options.delimiter() + "', or an unquoted field"
                        + " containing one");
            }
            if (dateAt >= 0) {
                String date = row.fields().get(dateAt).trim();
                if (date.isEmpty()) {
                    throw new IllegalArgumentException(cell(source, r, row, dateAt, header) + ": the date is missing");
                }
                dates.add(date);
            }
            for (int j = 0; j < cols.length; j++) {
                values[r][j] = number(source, r, row, cols[j], header, options);
            }
        }
        Imputer imputer = new Imputer(source, data, header, cols);
        List<Integer> kept = imputer.impute(values, options.imputation());
        float[] flat = new float[kept.size() * cols.length];
        List<String> keptDates = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            int r = kept.get(i);
            for (int j = 0; j < cols.length; j++) {
                flat[i * cols.length + j] = (float) values[r][j];
            }
            if (dateAt >= 0) {
                keptDates.add(dates.get(r));
            }
        }
        return new TimeSeries(source, names, keptDates, Tensor.of(flat, kept.size(), cols.length));
    }

    private static int[] selectColumns(String source, List<String> header, CsvOptions options, int dateAt) {
        if (options.columns().isEmpty()) {
            int[] all = new int[header.size() - (dateAt >= 0 ? 1 : 0)];
            for (int c = 0, j = 0; c < header.size(); c++) {
                if (c != dateAt) {
                    all[j++] = c;
                }
            }
            if (all.length == 0) {
                throw new IllegalArgumentException(source + " has no column besides the date column " + quoted(header));
            }
            return all;
        }
        int[] cols = new int[options.columns().size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = find(source, header, options.columns().get(j));
        }
        return cols;
    }

    private static int find(String source, List<String> header, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException(source + " has no column \"" + name + "\"; available: " + quoted(header));
        }
        if (header.lastIndexOf(name) != at) {
            throw new IllegalArgumentException(source + ": the header names column \"" + name + "\" twice (columns "
                    + (at + 1) + " and " + (header.lastIndexOf(name) + 1) + "), so it is ambiguous");
        }
        return at;
    }

    private static double number(String source, int r, CsvRecords.Row row, int col, List<String> header,
                                 CsvOptions options) {
        String text = row.fields().get(col).trim();
        if (text.isEmpty() || options.missingMarkers().contains(text)) {
            if (options.imputation() == Imputation.NONE) {
                throw new IllegalArgumentException(cell(source, r, row, col, header) + ": the value is missing"
                        + (text.isEmpty() ? "" : " (\"" + text + "\")") + ". Possible fix: choose an imputation"
                        + " (PREVIOUS, LINEAR or DROP_ROW)");
            }
            return Double.NaN;
        }
        if (NON_FINITE.matcher(text).matches()) {
            throw new IllegalArgumentException(cell(source, r, row, col, header) + ": \"" + text + "\" is not a finite"
                    + " number. Possible fix: leave missing values empty and choose an imputation, or list \"" + text
                    + "\" in missingMarkers");
        }
        double v = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw new IllegalArgumentException(cell(source, r, row, col, header) + ": \"" + text + "\" is not a number"
                    + (Double.isNaN(v) ? "" : " in float32 range") + ". Possible cause: a text column, a decimal comma,"
                    + " or a thousands separator");
        }
        return v;
    }

    /** "file: row 4 (line 5), column 2 "Passengers"" for data row index r (0-based). */
    static String cell(String source, int r, CsvRecords.Row row, int col, List<String> header) {
        return source + ": row " + (r + 1) + " (line " + row.line() + "), column " + (col + 1) + " \""
                + header.get(col) + "\"";
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
}
