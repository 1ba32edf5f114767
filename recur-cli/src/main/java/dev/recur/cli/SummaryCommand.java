package dev.recur.cli;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code recur summary}: Keras's parameter summary of a model specification. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the Keras-style summary (layers, output shapes, parameter counts) of a model.")
final class SummaryCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--layers", paramLabel = "SPEC",
                description = "Model specification, e.g. \"Input(100, 5) LSTM(32) Dense(1)\"; without Input, a model that"
                        + " starts with Embedding is built for sequences of any length.")
        String layers;

        @Option(names = "--model", paramLabel = "FILE", description = "A saved model (.safetensors) to summarise.")
        java.nio.file.Path model;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (source.model != null) {
            print(dev.recur.train.ModelFile.load(source.model).model().summary());
            return 0;
        }
        LayerRegistry.ModelSpec parsed = LayerRegistry.parseModel(source.layers);
        Sequential model = parsed.model();
        int[] input = parsed.inputShape();
        if (input == null) {
            if (!model.layers().get(0).type().equals("Embedding")) {
                throw new IllegalArgumentException("the specification needs an input shape to count parameters: start it"
                        + " with Input(time, features), e.g. \"Input(100, 5) " + source.layers + "\"");
            }
            input = new int[]{-1};
        }
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(0)), input);
        print(model.summary());
        return 0;
    }

    private void print(String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }
}
