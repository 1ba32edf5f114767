package dev.recur.cli;

import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code recur train}: a model from a layer specification, trained on a data file, saved. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model given by its layers on a data file, and save it.",
                "The data is a .safetensors file with tensors x and y, or a .csv file with a header row."},
        footer = {"", "Examples:",
                "  recur train --layers \"Dense(16, activation=relu) Dense(1)\" \\",
                "      --data houses.csv --target price --loss mse --metrics mae \\",
                "      --epochs 50 --validation-split 0.2 --history runs/houses",
                "  recur train --layers \"Input(20) Dense(3)\" --data iris.safetensors \\",
                "      --loss sparse_categorical_crossentropy --from-logits \\",
                "      --metrics accuracy --checkpoint-dir runs/iris --out iris.safetensors",
                "To continue an interrupted run, repeat its command with --resume."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--layers", paramLabel = "SPEC", required = true,
            description = "The model, Keras layer names and arguments, e.g. \"Dense(16, activation=relu) Dense(1)\";"
                    + " an Input(...) first fixes the input shape, which otherwise comes from the data.")
    String layers;

    @Mixin
    DataOptions data;

    @Mixin
    CompileOptions compile;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LayerRegistry.ModelSpec model = parse(layers);
        compile.check();
        TrainingRun run = training.prepare(out);
        Dataset d = data.read(true);
        run.checkSamples(d.size(), d.source());
        Sequential built = run.model(model, d.sampleShape(), d.source());
        Trainer trainer = compile.compile(built, run.optimizer());
        run.attach(CompileOptions.ATTACHMENT, compile.toJson());
        run.train(trainer, d.x(), d.y(), d.description());
        return 0;
    }

    /** The specification, its errors prefixed with the option. */
    static LayerRegistry.ModelSpec parse(String layers) {
        try {
            return LayerRegistry.parseModel(layers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--layers: " + e.getMessage(), e);
        }
    }
}
