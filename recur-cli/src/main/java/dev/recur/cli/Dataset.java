package dev.recur.cli;

import dev.recur.data.series.CsvOptions;
import dev.recur.data.series.CsvOptions.Imputation;
import dev.recur.data.series.CsvSeries;
import dev.recur.data.series.TimeSeries;
import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.tensor.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Samples read from {@code --data}, checked before any training: a {@code .safetensors} file with
 * tensors {@code x} and {@code y} (F32, F64, or I32/I64 such as class labels or token ids, which
 * become float32), or a CSV file with a header row whose rows are samples. Every message names the
 * file, the problem and the fix.
 *
 * @param x           inputs // [samples, ...features]
 * @param y           targets // [samples, ...], or null when not asked for
 * @param source      the file, for messages
 * @param description what the data is, recorded in the model file
 */
record Dataset(Tensor x, Tensor y, String source, String description) {

    /** Largest integer float32 holds exactly: 2^24. */
    private static final long FLOAT_EXACT = 1L << 24;

    /** Samples in the file. */
    int size() {
        return x.dim(0);
    }

    /** The shape of one sample (batch excluded). */
    int[] sampleShape() {
        return Arrays.copyOfRange(x.shape(), 1, x.rank());
    }

    static Dataset read(Path file, List<String> targets, List<String> features, Imputation impute, boolean withTargets) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--data " + file + ": no such file. Check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--data " + file + ": not a file; give a .safetensors or .csv file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) {
            if (!targets.isEmpty() || !features.isEmpty()) {
                throw new IllegalArgumentException("--target and --features choose CSV columns, but " + file + " is a"
                        + " safetensors file, whose inputs are tensor 'x' and targets tensor 'y'; leave them out");
            }
            return safetensors(file, withTargets);
        }
        if (name.endsWith(".csv")) {
            return csv(file, targets, features, impute, withTargets);
        }
        throw new IllegalArgumentException("--data " + file + ": unknown format; give a .safetensors file holding tensors"
                + " x [samples, ...] and y [samples, ...], or a .csv file with a header row and one sample per row");
    }

    // ---- safetensors ---------------------------------------------------------------------------

    private static Dataset safetensors(Path file, boolean withTargets) {
        SafeTensorsFile st = SafeTensors.read(file);
        Tensor x = tensor(st, "x");
        if (x.rank() < 2) {
            throw new IllegalArgumentException(file + ": tensor 'x' has shape " + x.shapeString() + " but inputs need a"
                    + " sample dimension and features: [samples, features] or [samples, time, features]. Possible fix:"
                    + " store it as [" + (x.rank() == 1 ? x.dim(0) : 1) + ", 1]");
        }
        checkSamples(file, "tensor 'x'", x);
        checkFinite(file, "x", x);
        Tensor y = null;
        if (withTargets) {
            y = tensor(st, "y");
            if (y.rank() < 1 || y.dim(0) != x.dim(0)) {
                throw new IllegalArgumentException(file + ": tensor 'x' has " + x.dim(0) + " samples but 'y' has "
                        + (y.rank() < 1 ? "none (a scalar)" : y.dim(0)) + " (shapes " + x.shapeString() + " and "
                        + y.shapeString() + "); every input needs its target, in the same order");
            }
            checkFinite(file, "y", y);
        }
        String description = file.getFileName() + ": x " + x.shapeString() + (y == null ? "" : ", y " + y.shapeString());
        return new Dataset(x, y, file.toString(), description);
    }

    /** Tensor {@code name} as float32/float64; integer tensors become float32. */
    private static Tensor tensor(SafeTensorsFile st, String name) {
        if (!st.contains(name)) {
            throw new IllegalArgumentException(st.path() + " has no tensor '" + name + "' (it has: "
                    + (st.names().isEmpty() ? "none" : String.join(", ", st.names())) + "). Store the inputs as 'x'"
                    + " [samples, ...features] and the targets as 'y' [samples, ...]");
        }
        int[] shape = st.shape(name);
        return switch (st.dtype(name)) {
            case F32, F64 -> st.tensor(name);
            case I32 -> floats(st, name, Arrays.stream(st.ints(name)).asLongStream().toArray(), shape);
            case I64 -> floats(st, name, st.longs(name), shape);
        };
    }

    private static Tensor floats(SafeTensorsFile st, String name, long[] values, int[] shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) > FLOAT_EXACT) {
                throw new IllegalArgumentException(st.path() + ": tensor '" + name + "' holds " + values[i] + " (element "
                        + i + "), which float32 cannot hold exactly; integers must lie within +-" + FLOAT_EXACT);
            }
            f[i] = values[i];
        }
        return Tensor.of(f, shape);
    }

    private static void checkSamples(Path file, String what, Tensor t) {
        if (t.dim(0) == 0) {
            throw new IllegalArgumentException(file + ": " + what + " holds no samples (shape " + t.shapeString()
                    + "); there is nothing to train on");
        }
    }

    private static void checkFinite(Path file, String name, Tensor t) {
        Tensor c = t.contiguous();
        int perSample = Math.max(1, c.size() / Math.max(1, c.dim(0)));
        for (int i = 0; i < c.size(); i++) {
            double v = c.getFlat(i);
            if (!Double.isFinite(v)) {
                int[] idx = new int[c.rank()];
                for (int k = c.rank() - 1, flat = i; k >= 0; k--) {
                    idx[k] = flat % c.dim(k);
                    flat /= c.dim(k);
                }
                throw new IllegalArgumentException(file + ": tensor '" + name + "' holds " + v + " in sample "
                        + i / perSample + " (element " + Arrays.toString(idx) + " of shape " + c.shapeString()
                        + "); training needs finite values. Possible fix: fill or drop the missing values");
            }
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------

    private static Dataset csv(Path file, List<String> targets, List<String> features, Imputation impute,
                               boolean withTargets) {
        List<String> header = header(file);
        if (withTargets && targets.isEmpty()) {
            throw new IllegalArgumentException(file + " is a CSV file: name the target column with --target COLUMN"
                    + " (its columns: " + String.join(", ", header) + ")");
        }
        for (String t : targets) {
            if (!header.contains(t)) {
                throw new IllegalArgumentException(file + " has no column \"" + t + "\" for --target; its columns: "
                        + String.join(", ", header));
            }
        }
        List<String> inputs = new ArrayList<>(features);
        if (inputs.isEmpty()) {
            header.stream().filter(c -> !targets.contains(c)).forEach(inputs::add);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(file + " has no column besides the target " + targets + " to use as a"
                    + " feature; add feature columns");
        }
        for (String f : inputs) {
            if (targets.contains(f)) {
                throw new IllegalArgumentException("column \"" + f + "\" is both a --feature and a --target; a model"
                        + " must not see its target");
            }
        }
        List<String> columns = new ArrayList<>(inputs);
        if (withTargets) {
            columns.addAll(targets);
        }
        TimeSeries table;
        try {
            table = CsvSeries.read(file, CsvOptions.columns(columns.toArray(String[]::new)).withImputation(impute));
        } catch (IOException e) {
            throw new IllegalArgumentException("--data " + file + ": cannot read it (" + e + ")", e);
        }
        Tensor values = table.values(); // [rows, columns]
        int n = values.dim(0);
        Tensor x = values.slice(1, 0, inputs.size()).contiguous();
        Tensor y = withTargets ? values.slice(1, inputs.size(), columns.size()).contiguous() : null;
        String description = file.getFileName() + ": " + n + " rows, features " + inputs
                + (withTargets ? ", targets " + targets : "");
        return new Dataset(x, y, file.toString(), description);
    }

    /** The header row's names (the first line, split at commas, quotes removed), for messages and defaults. */
    private static List<String> header(Path file) {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (IOException e) {
            throw new IllegalArgumentException("--data " + file + ": cannot read it (" + e + ")", e);
        }
        if (first == null || first.isBlank()) {
            throw new IllegalArgumentException(file + " is empty; expected a header row naming the columns, then one"
                    + " sample per row");
        }
        List<String> names = new ArrayList<>();
        for (String f : first.replace("\uFEFF", "").split(",", -1)) {
            String s = f.strip();
            names.add(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s);
        }
        return names;
    }
}
