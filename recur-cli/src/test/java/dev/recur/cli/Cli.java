package dev.recur.cli;

import dev.recur.io.SafeTensors;
import dev.recur.tensor.Tensor;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs the {@code recur} command line in-process, and writes the small datasets the CLI tests train on. */
final class Cli {

    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {
        /** Both streams, for assertion messages. */
        String all() {
            return "exit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Inputs [n, 3] uniform in [-1, 1] and targets y = 2 a - b + 0.5 c + 0.3. */
    static float[][] regression(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] rows = new float[n][4];
        for (float[] r : rows) {
            for (int j = 0; j < 3; j++) {
                r[j] = (float) rng.nextDouble(-1, 1);
            }
            r[3] = 2 * r[0] - r[1] + 0.5f * r[2] + 0.3f;
        }
        return rows;
    }

    /** The rows as tensors x [n, 3] and y [n, 1] in a safetensors file. */
    static Path safetensors(Path file, float[][] rows) {
        int n = rows.length;
        float[] x = new float[n * 3];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, x, i * 3, 3);
            y[i] = rows[i][3];
        }
        SafeTensors.write(file, Map.of("x", Tensor.of(x, n, 3), "y", Tensor.of(y, n, 1)), Map.of());
        return file;
    }

    /** The rows as a CSV file with header a,b,c,y. */
    static Path csv(Path file, float[][] rows) {
        StringBuilder sb = new StringBuilder("a,b,c,y\n");
        for (float[] r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", r[0], r[1], r[2], r[3]));
        }
        return write(file, sb.toString());
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
