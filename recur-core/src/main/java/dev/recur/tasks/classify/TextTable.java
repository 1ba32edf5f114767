package dev.recur.tasks.classify;

import dev.recur.data.series.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled texts from a TSV or CSV file ({@link TableFormat}). */
public final class TextTable {

    private TextTable() {
    }

    /** The file read with the format its name implies ({@link TableFormat#of}). */
    public static LabeledTexts read(Path file) {
        return read(file, TableFormat.of(file));
    }

    public static LabeledTexts read(Path file, TableFormat format) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read text data " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), content, format);
    }

    /** Parses {@code content}; {@code source} names it in messages. */
    public static LabeledTexts parse(String source, String content, TableFormat format) {
        List<CsvRecords.Row> rows = format.delimiter() == ',' ? CsvRecords.split(source, content, ',')
                : splitPlain(content, format.delimiter());
        if (rows.isEmpty() || (format.header() && rows.size() == 1)) {
            throw new IllegalArgumentException(source + ": no data rows" + (format.header() ? " after the header" : "")
                    + "; the file needs one labelled text per line");
        }
        int label;
        int text;
        List<CsvRecords.Row> data;
        if (format.header()) {
            List<String> header = rows.getFirst().fields().stream().map(String::strip).toList();
            label = column(source, header, format.labelColumn(), "label", "--label-column");
            text = column(source, header, format.textColumn(), "text", "--text-column");
            data = rows.subList(1, rows.size());
        } else {
            label = Integer.parseInt(format.labelColumn());
            text = Integer.parseInt(format.textColumn());
            data = rows;
        }
        List<String> texts = new ArrayList<>(data.size());
        List<String> labels = new ArrayList<>(data.size());
        int need = Math.max(label, text) + 1;
        for (CsvRecords.Row row : data) {
            if (row.fields().size() < need) {
                throw new IllegalArgumentException(source + ": line " + row.line() + " has " + row.fields().size()
                        + " fields but the label and text columns need " + need + " (delimiter "
                        + describe(format.delimiter()) + "). Possible cause: a wrong delimiter or a missing header");
            }
            String l = row.fields().get(label).strip();
            if (l.isEmpty()) {
                throw new IllegalArgumentException(source + ": line " + row.line() + " has an empty label; every text needs one");
            }
            String t = row.fields().get(text);
            if (t.isBlank()) {
                throw new IllegalArgumentException(source + ": line " + row.line() + " has an empty text; remove the line"
                        + " or give it a text");
            }
            labels.add(l);
            texts.add(t);
        }
        return new LabeledTexts(texts, labels, source);
    }

    private static int column(String source, List<String> header, String name, String role, String option) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no " + role + " column named \"" + name + "\"; the header has "
                    + header + ". Choose one with " + option + " (or use --no-header for files without a header)");
        }
        return i;
    }

    /** Lines split on the delimiter, no quoting (TSV); blank lines skipped; 1-based line numbers. */
    private static List<CsvRecords.Row> splitPlain(String content, char delimiter) {
        List<CsvRecords.Row> rows = new ArrayList<>();
        int start = content.startsWith("\uFEFF") ? 1 : 0; // byte order mark
        int line = 1;
        while (start <= content.length()) {
            int end = start;
            while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
                end++;
            }
            String text = content.substring(start, end);
            if (!text.isBlank()) {
                List<String> fields = new ArrayList<>();
                int from = 0;
                for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
                    fields.add(text.substring(from, at));
                    from = at + 1;
                }
                fields.add(text.substring(from));
                rows.add(new CsvRecords.Row(line, fields));
            }
            boolean crlf = end + 1 < content.length() && content.charAt(end) == '\r' && content.charAt(end + 1) == '\n';
            start = end + (crlf ? 2 : 1);
            line++;
        }
        return rows;
    }

    private static String describe(char c) {
        return c == '\t' ? "TAB" : "'" + c + "'";
    }
}
