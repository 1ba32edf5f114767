package dev.recur.data.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields (RFC 4180: quoted fields may hold the delimiter, line
 * breaks and doubled quotes; LF, CRLF or CR line ends; a final line break is optional). Blank
 * lines are skipped. Each record remembers the line it starts on, for error messages.
 */
public final class CsvRecords {

    /** One record: its fields and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    public static List<Row> split(String source, String text, char delimiter) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false; // inside a quoted field
        boolean wasQuoted = false; // the current field started with a quote
        int line = 1;
        int recordLine = 1;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0; // byte order mark
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(rows, fields, field, wasQuoted, recordLine);
                fields = new ArrayList<>();
                wasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ": line " + recordLine + ": a quoted field is never closed."
                    + " Possible cause: a stray '\"' in the data");
        }
        endRecord(rows, fields, field, wasQuoted, recordLine);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, boolean wasQuoted, int line) {
        boolean blank = fields.isEmpty() && field.isEmpty() && !wasQuoted;
        if (!blank) {
            fields.add(field.toString());
            rows.add(new Row(line, fields));
        }
        field.setLength(0);
    }
}
