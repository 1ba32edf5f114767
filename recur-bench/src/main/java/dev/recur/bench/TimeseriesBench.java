package dev.recur.bench;

import dev.recur.tasks.forecast.Textbook;
import dev.recur.tasks.forecast.TextbookRun;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code recur bench timeseries}: the forecasting table of Géron's ch. 15 ({@link Textbook}),
 * every row trained on the same generated series with a fixed seed, scored by validation MSE next
 * to the figure the book publishes, with its training time.
 */
public final class TimeseriesBench {

    /** The book's data: 10,000 series split 7,000 / 2,000 / 1,000. */
    public static final int SERIES = 10_000;

    /**
     * One row's figures.
     *
     * @param model     the row's name
     * @param mse       validation MSE
     * @param published the book's figure, or null
     * @param trainSeconds training time in seconds (0 for the baseline and the reused model)
     * @param epochs    epochs trained
     */
    public record Row(String model, double mse, Double published, double trainSeconds, int epochs) {

        /** Whether the row reaches its published MSE, or does better, within {@code tolerance} (0.15: 15%). */
        public boolean reachesPublished(double tolerance) {
            return published == null || mse <= published * (1 + tolerance);
        }

        /** {@code {"bench":"timeseries","model":..,"mse":..,"published":..,"train_s":..,"epochs":..}}. */
        public String toJson() {
            JsonLine j = new JsonLine().put("bench", "timeseries").put("model", model).put("mse", round(mse));
            (published == null ? j.putNull("published") : j.put("published", published))
                    .put("train_s", Math.round(trainSeconds * 10) / 10.0).put("epochs", epochs);
            return j.toString();
        }

        /** One line of the table under {@link #tableHeader()}. */
        public String tableRow() {
            return String.format(Locale.ROOT, "%-16s %10.5f %10s %8.1f %7d%n", model, mse,
                    published == null ? "-" : String.format(Locale.ROOT, "%.3f", published), trainSeconds, epochs);
        }
    }

    private TimeseriesBench() {
    }

    /** The header of the text table. */
    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-16s %10s %10s %8s %7s%n", "model", "val MSE", "published", "train s", "epochs");
    }

    /**
     * Runs these rows (in order; a reusing row after the row it reuses) on {@code series} generated
     * series, handing each row's figures to {@code sink} as soon as it is done.
     */
    public static void run(List<Textbook.Row> rows, int series, TextbookRun.Settings settings, Consumer<Row> sink) {
        TextbookRun run = new TextbookRun(series, settings);
        for (Textbook.Row r : rows) {
            TextbookRun.Result result = run.run(r);
            sink.accept(new Row(r.name(), result.mse(), r.published(), result.seconds(), result.epochs()));
        }
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
    }
}
