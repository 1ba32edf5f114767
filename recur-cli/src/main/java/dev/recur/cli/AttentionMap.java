package dev.recur.cli;

import dev.recur.tasks.seq2seq.Translation;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The attention heatmap of a translation: source tokens along x, output tokens (and the end) along y. */
final class AttentionMap {

    private AttentionMap() {
    }

    static void write(Translation t, Path out) {
        if (t.weights() == null) {
            throw new IllegalArgumentException("--attention-map: this model has no attention (trained with --attention none);"
                    + " there are no weights to draw");
        }
        List<String> x = labels(t.sourceTokens());
        List<String> y = new ArrayList<>(labels(t.outputTokens()));
        y.add("</s>");
        List<Number[]> cells = new ArrayList<>();
        for (int row = 0; row < t.weights().length; row++) {
            for (int col = 0; col < x.size(); col++) {
                cells.add(new Number[]{col, row, t.weights()[row][col]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(400, 40 * x.size() + 160))
                .height(Math.max(300, 30 * y.size() + 120)).title("Attention").xAxisTitle("source")
                .yAxisTitle("output").build();
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(0x1f, 0x4e, 0x9c)});
        chart.getStyler().setMin(0.0);
        chart.getStyler().setMax(1.0);
        chart.addSeries("weights", x, y, cells);
        Plots.save(chart, out);
    }

    /** Tokens as axis labels, made unique (an axis cannot repeat a category) by a position suffix. */
    private static List<String> labels(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).isBlank() ? "\u2423" : tokens.get(i);
            out.add(out.contains(t) ? t + "\u2009" + (i + 1) : t);
        }
        return out;
    }
}
