package dev.recur.data.series;

import dev.recur.data.series.CsvOptions.Imputation;

import java.util.ArrayList;
import java.util.List;

/** Fills or drops the missing values (NaN) of the numeric columns {@link CsvSeries} read. */
final class Imputer {

    private final String source;
    private final List<CsvRecords.Row> data;
    private final List<String> header;
    private final int[] cols; // header position of each value column

    Imputer(String source, List<CsvRecords.Row> data, List<String> header, int[] cols) {
        this.source = source;
        this.data = data;
        this.header = header;
        this.cols = cols;
    }

    /** Fills {@code values} [rows][columns] in place and returns the rows to keep, in order. */
    List<Integer> impute(double[][] values, Imputation mode) {
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            if (mode != Imputation.DROP_ROW || !hasMissing(values[r])) {
                kept.add(r);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(source + ": every one of the " + values.length + " data rows has a missing"
                    + " value, so DROP_ROW leaves nothing");
        }
        for (int j = 0; j < cols.length; j++) {
            if (mode == Imputation.PREVIOUS) {
                carryForward(values, j);
            } else if (mode == Imputation.LINEAR) {
                interpolate(values, j);
            }
        }
        return kept;
    }

    private void carryForward(double[][] values, int j) {
        for (int r = 0; r < values.length; r++) {
            if (Double.isNaN(values[r][j])) {
                if (r == 0) {
                    throw missing(r, j, "there is no earlier value to carry forward. Possible fix: DROP_ROW");
                }
                values[r][j] = values[r - 1][j];
            }
        }
    }

    private void interpolate(double[][] values, int j) {
        int r = 0;
        while (r < values.length) {
            if (!Double.isNaN(values[r][j])) {
                r++;
                continue;
            }
            int end = r; // first non-missing row after the gap
            while (end < values.length && Double.isNaN(values[end][j])) {
                end++;
            }
            if (r == 0) {
                throw missing(r, j, "there is no earlier value to interpolate from. Possible fix: DROP_ROW");
            }
            if (end == values.length) {
                throw missing(r, j, "there is no later value to interpolate to. Possible fix: PREVIOUS or DROP_ROW");
            }
            double a = values[r - 1][j];
            double b = values[end][j];
            for (int k = r; k < end; k++) {
                values[k][j] = a + (b - a) * (k - (r - 1)) / (end - (r - 1));
            }
            r = end;
        }
    }

    private static boolean hasMissing(double[] row) {
        for (double v : row) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private IllegalArgumentException missing(int r, int j, String why) {
        return new IllegalArgumentException(CsvSeries.cell(source, r, data.get(r), cols[j], header)
                + ": the value is missing and " + why);
    }
}
