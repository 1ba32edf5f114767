package dev.recur.tasks.classify;

import java.nio.file.Path;

/**
 * How a delimited text file holds labelled texts.
 *
 * <p>With a header, the columns are found by name ({@code label} and {@code text} by default);
 * without one ({@code sentence<TAB>label} files such as the UCI sentiment sentences) by 0-based
 * index. A TSV file is split on tabs and line ends only (reviews contain quotes); a CSV file
 * follows RFC 4180 quoting.
 *
 * @param delimiter   ',' (CSV quoting rules) or another character (split as is)
 * @param header      whether the first line names the columns
 * @param labelColumn the label column's name (with a header) or 0-based index (without)
 * @param textColumn  the text column's name or 0-based index
 */
public record TableFormat(char delimiter, boolean header, String labelColumn, String textColumn) {

    public static final String DEFAULT_LABEL_COLUMN = "label";
    public static final String DEFAULT_TEXT_COLUMN = "text";

    public TableFormat {
        if (labelColumn == null || textColumn == null || labelColumn.equals(textColumn)) {
            throw new IllegalArgumentException("TableFormat: the label and text columns must be given and differ, got label="
                    + labelColumn + ", text=" + textColumn);
        }
        if (!header && !(isIndex(labelColumn) && isIndex(textColumn))) {
            throw new IllegalArgumentException("TableFormat: without a header the columns are 0-based indices, but got label="
                    + labelColumn + ", text=" + textColumn + "; e.g. label 1 and text 0 for 'sentence<TAB>label' lines");
        }
    }

    /** The delimiter from the file name (.csv: comma, else tab), a header naming {@code label} and {@code text}. */
    public static TableFormat of(Path file) {
        boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        return new TableFormat(csv ? ',' : '\t', true, DEFAULT_LABEL_COLUMN, DEFAULT_TEXT_COLUMN);
    }

    /** Without a header: {@code text<TAB>label} lines (the UCI sentiment-labelled sentences). */
    public static TableFormat textThenLabel(char delimiter) {
        return new TableFormat(delimiter, false, "1", "0");
    }

    public TableFormat withColumns(String label, String text) {
        return new TableFormat(delimiter, header, label, text);
    }

    public TableFormat withHeader(boolean h) {
        return new TableFormat(delimiter, h, labelColumn, textColumn);
    }

    static boolean isIndex(String column) {
        return !column.isEmpty() && column.chars().allMatch(Character::isDigit);
    }
}
