package dev.recur.cli;

import dev.recur.tasks.classify.LabeledTexts;
import dev.recur.tasks.classify.TableFormat;
import dev.recur.tasks.classify.TextTable;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --data} and its format for the {@code classify} commands: a TSV (or {@code .csv}) file
 * whose header names the label and text columns, a header-less {@code text<TAB>label} file with
 * {@code --no-header}, or an aclImdb split folder holding {@code pos/} and {@code neg/}.
 */
final class TextDataOptions {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "A .tsv/.csv file with a header row, a header-less file with --no-header, or an aclImdb"
                    + " folder with pos/ and neg/ (e.g. aclImdb/train).")
    Path file;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "The label column: its name with a header (default: label), its 0-based index with"
                    + " --no-header (default: 1).")
    String labelColumn;

    @Option(names = "--text-column", paramLabel = "NAME",
            description = "The text column: its name with a header (default: text), its 0-based index with"
                    + " --no-header (default: 0).")
    String textColumn;

    @Option(names = "--no-header", description = "The file has no header row: columns are 0-based indices"
            + " (default: text in column 0, label in column 1, as 'sentence<TAB>label' lines).")
    boolean noHeader;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The column separator: tab or comma (default: comma for .csv, else tab).")
    String delimiter;

    LabeledTexts read() {
        if (Files.isDirectory(file)) {
            return dev.recur.tasks.classify.AclImdb.read(file);
        }
        TableFormat format = TableFormat.of(file);
        char d = delimiter == null ? format.delimiter() : switch (delimiter) {
            case "tab", "\\t", "\t" -> '\t';
            case "comma", "," -> ',';
            default -> throw new IllegalArgumentException("--delimiter must be tab or comma, got '" + delimiter + "'");
        };
        format = noHeader ? TableFormat.textThenLabel(d) : new TableFormat(d, true, format.labelColumn(), format.textColumn());
        String label = labelColumn != null ? labelColumn : format.labelColumn();
        String text = textColumn != null ? textColumn : format.textColumn();
        return TextTable.read(file, format.withColumns(label, text));
    }
}
