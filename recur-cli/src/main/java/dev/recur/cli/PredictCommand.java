package dev.recur.cli;

import dev.recur.io.AtomicFile;
import dev.recur.loss.MeanSquaredError;
import dev.recur.optim.Adam;
import dev.recur.tensor.Tensor;
import dev.recur.train.ModelFile;
import dev.recur.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code recur predict}: a saved model's outputs for the samples of a data file, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a saved model's outputs for a data file as CSV.",
                "One row per sample (per sample and step for sequence outputs), columns output_0, output_1, ..."},
        footer = {"", "Example:",
                "  recur predict --model houses.safetensors --data new.csv --target price \\",
                "      --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model saved by recur train.")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: print it).")
    Path out;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = 32;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (out != null) {
            AtomicFile.checkWritable(out);
        }
        ModelFile.Loaded loaded = ModelFile.load(model);
        Dataset d = data.read(false);
        // Loss and optimizer are never used: predict only runs the model forward.
        Tensor predictions = Trainer.compile(loaded.model(), new MeanSquaredError(), Adam.defaults())
                .predict(d.x(), batchSize);
        String csv = csv(predictions);
        PrintWriter console = spec.commandLine().getOut();
        if (out == null) {
            console.print(csv);
        } else {
            ByteBuffer bytes = ByteBuffer.wrap(csv.getBytes(StandardCharsets.UTF_8));
            AtomicFile.write(out, channel -> {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            });
            console.println("Wrote the predictions for " + d.size() + " samples to " + out);
        }
        console.flush();
        return 0;
    }

    /** [samples, outputs] as one row per sample; [samples, steps, outputs] as one row per sample and step. */
    static String csv(Tensor predictions) {
        Tensor p = predictions.contiguous();
        int n = p.dim(0);
        int outputs = p.rank() == 1 ? 1 : p.dim(p.rank() - 1);
        int steps = p.size() / Math.max(1, n * outputs);
        boolean sequence = p.rank() > 2;
        StringBuilder sb = new StringBuilder(sequence ? "sample,step" : "");
        for (int k = 0; k < outputs; k++) {
            sb.append(k > 0 || sequence ? "," : "").append("output_").append(k);
        }
        sb.append('\n');
        int flat = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                if (sequence) {
                    sb.append(i).append(',').append(t).append(',');
                }
                for (int k = 0; k < outputs; k++) {
                    sb.append(k > 0 ? "," : "").append((float) p.getFlat(flat++));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
