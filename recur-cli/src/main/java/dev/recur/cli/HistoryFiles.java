package dev.recur.cli;

import com.google.gson.GsonBuilder;
import dev.recur.io.AtomicFile;
import dev.recur.train.Callback;
import dev.recur.train.History;
import dev.recur.train.TrainingContext;
import dev.recur.train.callbacks.CsvLogger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --history DIR}: the run's epoch logs as {@value #CSV} (Keras's CSVLogger: a header
 * {@code epoch,loss,...}, 0-based epochs) and {@value #JSON} ({@code {"epoch": [1, 2, ...],
 * "loss": [...], ..., "stop_reason": null}}, 1-based epochs, a value that is not finite as
 * {@code null}), rewritten atomically after every epoch; and the training curves, one chart per
 * quantity ({@code loss.png}, {@code loss.svg}, {@code accuracy.png}, ...) with its training and
 * validation lines, drawn when training ends and, in a long run, every {@value #PLOT_EVERY_SECONDS}
 * seconds at an epoch's end. A resumed run's files hold the epochs of the run it continues.
 *
 * <p>Without a directory it does nothing; it is in every run's callbacks all the same, so that a
 * run can be resumed with or without {@code --history}.
 */
final class HistoryFiles implements Callback {

    static final String CSV = "history.csv";
    static final String JSON = "history.json";
    static final int PLOT_EVERY_SECONDS = 30;

    private final Path dir;        // or null
    private final CsvLogger csv;   // or null
    private long lastPlot;         // System.nanoTime() of the last drawing
    private final List<Path> written = new ArrayList<>();

    /** Files in {@code dir} (created if missing, checked writable), or none if {@code dir} is null. */
    HistoryFiles(Path dir) {
        this.dir = dir;
        if (dir == null) {
            csv = null;
            return;
        }
        createDirectory(dir, "--history");
        AtomicFile.checkWritable(dir.resolve(JSON));
        csv = new CsvLogger(dir.resolve(CSV));
    }

    /** Creates {@code dir} and its parents, or fails naming {@code option}. */
    static void createDirectory(Path dir, String option) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot create the directory (" + e
                    + "); choose a writable place", e);
        }
    }

    /** The files written so far: the two logs, then the pictures. */
    List<Path> written() {
        return List.copyOf(written);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        if (dir == null) {
            return;
        }
        csv.onTrainBegin(context);
        lastPlot = System.nanoTime();
        if (context.history().size() > 0) {
            writeJson(context.history(), context.logKeys());
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        if (dir == null) {
            return;
        }
        csv.onEpochEnd(epoch, logs, context);
        writeJson(context.history(), context.logKeys());
        if (System.nanoTime() - lastPlot > PLOT_EVERY_SECONDS * 1_000_000_000L) {
            plot(context.history(), context.logKeys());
        }
    }

    @Override
    public void onTrainEnd(History history, TrainingContext context) {
        if (dir == null) {
            return;
        }
        writeJson(history, context.logKeys());
        written.clear();
        written.add(dir.resolve(CSV));
        written.add(dir.resolve(JSON));
        if (history.size() > 0) {
            written.addAll(plot(history, context.logKeys()));
        }
    }

    private List<Path> plot(History history, List<String> keys) {
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (String key : keys) {
            curves.put(key, history.get(key));
        }
        lastPlot = System.nanoTime();
        return Plots.trainingCurves(dir, curves);
    }

    private void writeJson(History history, List<String> keys) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Integer> epochs = new ArrayList<>();
        for (int e = 1; e <= history.size(); e++) {
            epochs.add(e);
        }
        json.put("epoch", epochs);
        for (String key : keys) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Double> logs : history.epochs()) {
                Double v = logs.get(key);
                values.add(v == null || !Double.isFinite(v) ? null : v);
            }
            json.put(key, values);
        }
        json.put("stop_reason", history.stopReason().orElse(null));
        byte[] text = (new GsonBuilder().serializeNulls().create().toJson(json) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.wrap(text);
        AtomicFile.write(dir.resolve(JSON), channel -> {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }
}
