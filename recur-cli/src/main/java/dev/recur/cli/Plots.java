package dev.recur.cli;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Line charts written as PNG or SVG (chosen by the file extension) with XChart: training curves
 * ("Training and validation loss", as the curriculum draws them) and forecasts.
 */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** How a line is drawn. */
    public enum Style {
        /** A line through the points. */
        LINE,
        /** Only the points (forecasts at one time step). */
        POINTS,
        /** A line with a marker on every point (training curves). */
        LINE_AND_POINTS
    }

    /** One line: its legend name, x and y values, and how it is drawn. */
    public record Line(String name, double[] x, double[] y, Style style) {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("line '" + name + "' has " + x.length + " x values but " + y.length + " y values");
            }
        }

        /** y against 1, 2, 3, ... (epochs). */
        public static Line overEpochs(String name, double[] y) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            return new Line(name, x, y, Style.LINE_AND_POINTS);
        }
    }

    /** Writes a chart of these lines to {@code out} (.png or .svg). */
    public static void write(Path out, String title, String xLabel, String yLabel, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendVisible(lines.size() > 1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setYAxisDecimalPattern("0.####");   // 0.016, not .016
        for (Line l : lines) {
            if (l.x().length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
            s.setMarker(l.style() == Style.LINE ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            if (l.style() == Style.POINTS) {
                s.setLineStyle(SeriesLines.NONE);
            }
        }
        save(chart, out);
    }

    /**
     * Training curves from per-epoch logs: one chart per metric name without the {@code val_}
     * prefix, loss first, titled "Training and validation loss" (or "Training loss" without
     * validation values), written as {@code <metric>.png} and {@code <metric>.svg} in {@code dir}.
     */
    public static List<Path> trainingCurves(Path dir, Map<String, double[]> logs) {
        Map<String, List<Line>> charts = new LinkedHashMap<>();
        for (var e : logs.entrySet()) {
            String key = e.getKey();
            boolean val = key.startsWith("val_");
            String metric = val ? key.substring(4) : key;
            charts.computeIfAbsent(metric, k -> new java.util.ArrayList<>())
                    .add(Line.overEpochs((val ? "Validation " : "Training ") + metric, e.getValue()));
        }
        List<Path> written = new java.util.ArrayList<>();
        for (var c : charts.entrySet()) {
            String metric = c.getKey();
            String title = curvesTitle(metric, c.getValue());
            for (String ext : List.of("png", "svg")) {
                Path out = dir.resolve(metric + "." + ext);
                write(out, title, "Epochs", metric, c.getValue());
                written.add(out);
            }
        }
        return written;
    }

    /** "Training and validation loss", or "Training loss" for a chart with one line. */
    static String curvesTitle(String metric, List<Line> lines) {
        return (lines.size() > 1 ? "Training and validation " : "Training ") + metric;
    }

    /** Writes a chart as PNG or SVG by the file name's extension. */
    static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (name.endsWith(".png")) {
                BitmapEncoder.saveBitmapWithDPI(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG, 120);
            } else if (name.endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                throw new IllegalArgumentException("picture " + out + ": use a .png or .svg file name");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write picture " + out + ": " + e.getMessage(), e);
        }
    }
}
