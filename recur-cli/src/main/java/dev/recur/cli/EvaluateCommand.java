package dev.recur.cli;

import dev.recur.optim.Adam;
import dev.recur.train.ModelFile;
import dev.recur.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code recur evaluate}: the loss and metrics of a saved model on a data file (Keras's {@code evaluate}). */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute a saved model's loss and metrics on a data file.",
        footer = {"", "Example:",
                "  recur evaluate --model houses.safetensors --data test.csv --target price",
                "The loss and metrics default to those the model was trained with (saved by recur train)."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model saved by recur train.")
    Path model;

    @Mixin
    DataOptions data;

    @Mixin
    CompileOptions compile;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = 32;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        ModelFile.Loaded loaded = ModelFile.load(model);
        compile.defaultsFrom(loaded, model);
        compile.check();
        Dataset d = data.read(true);
        // The optimizer is never used: evaluate only runs the model forward.
        Trainer trainer = compile.compile(loaded.model(), Adam.defaults());
        Map<String, Double> results = trainer.evaluate(d.x(), d.y(), batchSize);
        PrintWriter out = spec.commandLine().getOut();
        out.println(LogLine.of(results, List.copyOf(results.keySet())));
        out.flush();
        return 0;
    }
}
