package dev.recur.train.callbacks;

import dev.recur.io.AtomicFile;
import dev.recur.train.Callback;
import dev.recur.train.History;
import dev.recur.train.TrainingContext;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the epoch logs to a CSV file: Keras's {@code CSVLogger}, a header {@code epoch,<keys>}
 * then one row per epoch (0-based epoch, values as Java prints doubles, which read back exactly).
 * The file is rewritten atomically from the whole history after every epoch, so it always matches
 * the run: a resumed run's file holds the epochs of the run it continues, and a kill never leaves a
 * half-written row. Its path is checked to be writable before training starts.
 */
public final class CsvLogger implements Callback {

    private final Path path;
    private final char separator;

    public CsvLogger(Path path) {
        this(path, ',');
    }

    public CsvLogger(Path path, char separator) {
        this.path = Objects.requireNonNull(path, "CsvLogger: path");
        if (separator == '"' || separator == '\n' || separator == '\r' || separator == '.' || separator == '-'
                || Character.isLetterOrDigit(separator)) {
            throw new IllegalArgumentException("CsvLogger: separator '" + separator + "' can occur in keys or numbers;"
                    + " use ',', ';' or a tab");
        }
        this.separator = separator;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        AtomicFile.checkWritable(path);
        if (context.history().size() > 0) {
            write(context.history(), context.logKeys());
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        write(context.history(), context.logKeys());
    }

    private void write(History history, List<String> keys) {
        StringBuilder sb = new StringBuilder("epoch");
        keys.forEach(k -> sb.append(separator).append(k));
        sb.append('\n');
        for (int e = 0; e < history.size(); e++) {
            sb.append(e);
            Map<String, Double> logs = history.epoch(e);
            for (String k : keys) {
                sb.append(separator).append(logs.getOrDefault(k, Double.NaN));
            }
            sb.append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(path, channel -> {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    public Path path() {
        return path;
    }
}
