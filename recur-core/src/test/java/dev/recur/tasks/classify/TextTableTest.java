package dev.recur.tasks.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading labelled texts: TSV and CSV with headers, header-less sentence files, the aclImdb folders. */
class TextTableTest {

    private static final TableFormat TSV = new TableFormat('\t', true, "label", "text");

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void tsvWithHeaderFindsColumnsByNameAndKeepsQuotes() {
        LabeledTexts t = TextTable.parse("t.tsv", "label\trating\ttext\n1\t9\t\"Great\" film\n0\t2\tdull<br />film\n", TSV);
        assertEquals(List.of("\"Great\" film", "dull<br />film"), t.texts());
        assertEquals(List.of("1", "0"), t.labels());
        assertEquals(List.of("0", "1"), t.labelNames());
    }

    @Test
    void csvFollowsQuotingAndOtherColumnNames() {
        LabeledTexts t = TextTable.parse("t.csv", "review,sentiment\n\"good, really\",pos\nbad,neg\n",
                new TableFormat(',', true, "sentiment", "review"));
        assertEquals(List.of("good, really", "bad"), t.texts());
        assertEquals(List.of("neg", "pos"), t.labelNames());
    }

    @Test
    void headerlessSentenceFilesUseIndices() {
        LabeledTexts t = TextTable.parse("amazon.txt", "So good.  \t1\r\nBroke at once.\t0\n", TableFormat.textThenLabel('\t'));
        assertEquals(List.of("So good.  ", "Broke at once."), t.texts());
        assertEquals(List.of("1", "0"), t.labels());
    }

    @Test
    void formatFromTheFileName() {
        assertEquals(',', TableFormat.of(Path.of("a.CSV")).delimiter());
        assertEquals('\t', TableFormat.of(Path.of("train.tsv")).delimiter());
    }

    @Test
    void badFilesGetClearMessages() {
        assertTrue(error(() -> TextTable.parse("t.tsv", "label\tbody\n1\tgood\n", TSV))
                .contains("no text column named \"text\"; the header has [label, body]. Choose one with --text-column"));
        assertTrue(error(() -> TextTable.parse("t.tsv", "stars\ttext\n1\tgood\n", TSV))
                .contains("no label column named \"label\""));
        assertTrue(error(() -> TextTable.parse("t.tsv", "label\ttext\n", TSV)).contains("no data rows after the header"));
        assertTrue(error(() -> TextTable.parse("t.tsv", "label\ttext\n1\n", TSV))
                .contains("line 2 has 1 fields but the label and text columns need 2 (delimiter TAB)"));
        assertTrue(error(() -> TextTable.parse("t.tsv", "label\ttext\n1\t good\n0\t  \n", TSV))
                .contains("line 3 has an empty text"));
        assertTrue(error(() -> TextTable.parse("t.tsv", "label\ttext\n\tgood\n", TSV)).contains("line 2 has an empty label"));
        assertTrue(error(() -> new TableFormat('\t', false, "label", "text"))
                .contains("without a header the columns are 0-based indices"));
        assertTrue(error(() -> new TableFormat('\t', true, "x", "x")).contains("must be given and differ"));
    }

    @Test
    void shuffledSplitKeepsPairsAndSizes() {
        LabeledTexts t = TextTable.parse("t", "a\t0\nb\t1\nc\t0\nd\t1\ne\t0\n", TableFormat.textThenLabel('\t'));
        LabeledTexts.Split s = t.split(0.4, 7);
        assertEquals(3, s.train().size());
        assertEquals(2, s.test().size());
        for (LabeledTexts part : List.of(s.train(), s.test())) {
            for (int i = 0; i < part.size(); i++) {
                assertEquals(t.labels().get(t.texts().indexOf(part.texts().get(i))), part.labels().get(i));
            }
        }
        assertTrue(error(() -> t.split(0.01, 1)).contains("leave no samples on one side"));
        assertTrue(error(() -> t.split(1.5, 1)).contains("fraction must be in (0, 1)"));
    }

    @Test
    void aclImdbFoldersGiveLabelsZeroAndOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("pos"));
        Files.createDirectories(dir.resolve("neg"));
        Files.writeString(dir.resolve("pos/0_9.txt"), "Bromwell High is a cartoon comedy.");
        Files.writeString(dir.resolve("neg/0_3.txt"), "Story of a man.");
        Files.writeString(dir.resolve("neg/urls.lst"), "not a review");
        LabeledTexts t = AclImdb.read(dir);
        assertEquals(List.of("Story of a man.", "Bromwell High is a cartoon comedy."), t.texts());
        assertEquals(List.of("0", "1"), t.labels());
        assertTrue(error(() -> AclImdb.read(dir.resolve("pos"))).contains("has no neg/ folder"));
    }
}
