package dev.recur.data.series;

import dev.recur.data.series.CsvOptions.Imputation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvSeriesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void airlineLayoutWithQuotedDatesCrlfAndNoFinalNewline() throws IOException {
        Path p = write("air.csv", "\"Month\",\"Passengers\"\r\n\"1949-01\",112\r\n\"1949-02\",118\r\n\"1949-03\",132");
        TimeSeries s = CsvSeries.read(p, CsvOptions.columns("Passengers").withDateColumn("Month"));
        assertEquals(List.of("Passengers"), s.columns());
        assertEquals(List.of("1949-01", "1949-02", "1949-03"), s.dates());
        assertArrayEquals(new int[]{3, 1}, s.values().shape());
        assertArrayEquals(new float[]{112, 118, 132}, s.values().toFloatArray());
        assertEquals(p.toString(), s.source());
    }

    @Test
    void allColumnsExceptTheDateInFileOrderOrChosenOrder() {
        String text = "\uFEFFDate Time,p (mbar),T (degC),rh (%)\n01.01.2009 00:10:00,996.52,-8.02,93.3\n"
                + "01.01.2009 00:20:00,996.57,-8.41,93.4\n\n"; // BOM, blank trailing line
        TimeSeries all = CsvSeries.parse("jena.csv", text, CsvOptions.allColumns().withDateColumn("Date Time"));
        assertEquals(List.of("p (mbar)", "T (degC)", "rh (%)"), all.columns());
        assertEquals(1, all.columnIndex("T (degC)"));
        assertArrayEquals(new float[]{-8.02f, -8.41f}, all.column("T (degC)").toFloatArray());
        TimeSeries chosen = CsvSeries.parse("jena.csv", text, CsvOptions.columns("rh (%)", "p (mbar)"));
        assertArrayEquals(new float[]{93.3f, 996.52f, 93.4f, 996.57f}, chosen.values().toFloatArray());
        assertEquals(List.of(), chosen.dates());
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
        String text = "label;x\n\"a;b \"\"c\"\"\";1,5e0\n\"two\nlines\";2\n";
        // with ';' as delimiter a decimal comma is not a number: strictness is checked below
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                CsvSeries.parse("q.csv", text, CsvOptions.columns("x").withDateColumn("label").withDelimiter(';')));
        assertTrue(e.getMessage().contains("q.csv: row 1 (line 2), column 2 \"x\": \"1,5e0\" is not a number"),
                e.getMessage());
        TimeSeries s = CsvSeries.parse("q.csv", text.replace("1,5e0", "1.5e0"),
                CsvOptions.columns("x").withDateColumn("label").withDelimiter(';'));
        assertEquals(List.of("a;b \"c\"", "two\nlines"), s.dates());
        assertArrayEquals(new float[]{1.5f, 2}, s.values().toFloatArray());
    }

    @Test
    void errorsNameFileRowLineAndColumn() {
        CsvOptions opts = CsvOptions.columns("y").withDateColumn("d");
        assertParseError("d,y\n1,5\n", CsvOptions.columns("Passengers"),
                "t.csv has no column \"Passengers\"; available: \"d\", \"y\"");
        assertParseError("d,y\n1,5\n2,abc\n", opts, "t.csv: row 2 (line 3), column 2 \"y\": \"abc\" is not a number");
        assertParseError("d,y\n1,5\n2,NaN\n", opts, "row 2 (line 3), column 2 \"y\": \"NaN\" is not a finite number");
        assertParseError("d,y\n1,-inf\n", opts, "row 1 (line 2), column 2 \"y\": \"-inf\" is not a finite number");
        assertParseError("d,y\n1,0x1p3\n", opts, "\"0x1p3\" is not a number");
        assertParseError("d,y\n1,1e999\n", opts, "\"1e999\" is not a number in float32 range");
        assertParseError("d,y\n1,5\n2,\n", opts, "t.csv: row 2 (line 3), column 2 \"y\": the value is missing. Possible fix:"
                + " choose an imputation (PREVIOUS, LINEAR or DROP_ROW)");
        assertParseError("d,y\n1, NA \n", opts, "column 2 \"y\": the value is missing (\"NA\")");
        assertParseError("d,y\n1,5\n2,6,7\n", opts, "t.csv: row 2 (line 3) has 3 fields but the header has 2");
        assertParseError("d,y\n,5\n", opts, "row 1 (line 2), column 1 \"d\": the date is missing");
        assertParseError("", opts, "t.csv is empty");
        assertParseError("d,y\r\n", opts, "t.csv has a header but no data rows");
        assertParseError("d,y\n\"1,5\n", opts, "t.csv: line 2: a quoted field is never closed");
        assertParseError("y,y\n1,2\n", CsvOptions.columns("y"), "the header names column \"y\" twice (columns 1 and 2)");
        assertParseError("d\n1\n", CsvOptions.allColumns().withDateColumn("d"), "has no column besides the date column");
    }

    @Test
    void linesCountQuotedLineBreaks() {
        assertParseError("d,y\n\"a\nb\",1\nc,x\n", CsvOptions.columns("y").withDateColumn("d"),
                "row 2 (line 4), column 2 \"y\": \"x\" is not a number");
    }

    @Test
    void imputationModes() {
        String text = "d,a,b\n1,1,10\n2,,20\n3,,\n4,4,40\n5,5,NA\n";
        CsvOptions opts = CsvOptions.columns("a", "b").withDateColumn("d");
        TimeSeries prev = CsvSeries.parse("t.csv", text, opts.withImputation(Imputation.PREVIOUS));
        assertArrayEquals(new float[]{1, 10, 1, 20, 1, 20, 4, 40, 5, 40}, prev.values().toFloatArray());

        TimeSeries dropped = CsvSeries.parse("t.csv", text, opts.withImputation(Imputation.DROP_ROW));
        assertEquals(List.of("1", "4"), dropped.dates());
        assertArrayEquals(new float[]{1, 10, 4, 40}, dropped.values().toFloatArray());

        String inner = "d,a\n1,1\n2,\n3,\n4,4\n5,?\n6,8\n";
        TimeSeries linear = CsvSeries.parse("t.csv", inner, CsvOptions.columns("a").withImputation(Imputation.LINEAR));
        assertArrayEquals(new float[]{1, 2, 3, 4, 6, 8}, linear.values().toFloatArray(), 1e-6f);

        TimeSeries markers = CsvSeries.parse("t.csv", "a\n1\n-\n3\n",
                CsvOptions.columns("a").withMissingMarkers("-").withImputation(Imputation.LINEAR));
        assertArrayEquals(new float[]{1, 2, 3}, markers.values().toFloatArray(), 1e-6f);
    }

    @Test
    void imputationErrorsAtTheEdges() {
        CsvOptions a = CsvOptions.columns("a");
        assertParseError("a\n1\n\nx\n", a.withImputation(Imputation.PREVIOUS), "row 2 (line 4), column 1 \"a\": \"x\" is"
                + " not a number"); // blank lines are skipped but counted, and imputation never covers text
        assertParseError("a\n\"\"\n2\n", a.withImputation(Imputation.PREVIOUS), "t.csv: row 1 (line 2), column 1 \"a\": the"
                + " value is missing and there is no earlier value to carry forward. Possible fix: DROP_ROW");
        assertParseError("a\n\"\"\n2\n", a.withImputation(Imputation.LINEAR),
                "row 1 (line 2), column 1 \"a\": the value is missing and there is no earlier value to interpolate from");
        assertParseError("a\n1\n2\nNA\n", a.withImputation(Imputation.LINEAR),
                "row 3 (line 4), column 1 \"a\": the value is missing and there is no later value to interpolate to."
                        + " Possible fix: PREVIOUS or DROP_ROW");
        assertParseError("a\nNA\n?\n", a.withImputation(Imputation.DROP_ROW),
                "every one of the 2 data rows has a missing value, so DROP_ROW leaves nothing");
    }

    @Test
    void tooFewRowsForTheWindowIsReportedWhenWindowing() throws IOException {
        Path p = write("short.csv", "d,y\n1,1\n2,2\n3,3\n4,4\n5,5\n");
        TimeSeries s = CsvSeries.read(p, CsvOptions.columns("y").withDateColumn("d"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SlidingWindows(s.values(), WindowSpec.nextSteps(4, 2)));
        assertTrue(e.getMessage().contains("the series has 5 time steps, but a window of 4 steps followed by 2 target"
                + " step(s) at sampling rate 1 spans 6"), e.getMessage());
    }

    @Test
    void optionsAndSeriesChecks() {
        assertMessage(() -> CsvOptions.columns("a").withDelimiter('"'), "the delimiter cannot be a quote or a line break;"
                + " got '\"'");
        assertMessage(() -> CsvOptions.columns("a").withDelimiter('\n'), "got a line break");
        assertMessage(() -> CsvOptions.columns("a").withImputation(null), "columns, imputation and missingMarkers must not"
                + " be null");
        TimeSeries s = CsvSeries.parse("t.csv", "a,b\n1,2\n", CsvOptions.allColumns());
        assertMessage(() -> s.columnIndex("c"), "TimeSeries t.csv has no column \"c\"; available: \"a\", \"b\"");
        assertMessage(() -> new TimeSeries("x", List.of("a"), List.of(), s.values()),
                "TimeSeries: values shaped [1, 2] do not match 1 columns and 0 dates");
    }

    private static void assertParseError(String text, CsvOptions options, String expected) {
        assertMessage(() -> CsvSeries.parse("t.csv", text, options), expected);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
