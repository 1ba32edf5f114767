package dev.recur.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeseriesBenchTest {

    @Test
    void rowsAsJsonAndAgainstThePublishedFigure() {
        var row = new TimeseriesBench.Row("seq2seq_10", 0.0064366, 0.006, 66.34, 20);
        assertEquals("{\"bench\":\"timeseries\",\"model\":\"seq2seq_10\",\"mse\":0.0064366,\"published\":0.006,"
                + "\"train_s\":66.3,\"epochs\":20}", row.toJson());
        assertTrue(row.reachesPublished(0.15), "7% above the book is within 15%");
        assertFalse(row.reachesPublished(0.05));
        var unpublished = new TimeseriesBench.Row("wavenet_10", 0.005, null, 1, 2);
        assertTrue(unpublished.toJson().contains("\"published\":null"), unpublished.toJson());
        assertTrue(unpublished.reachesPublished(0));
        assertTrue(row.tableRow().startsWith("seq2seq_10          0.00644      0.006     66.3      20"), row.tableRow());
    }
}
