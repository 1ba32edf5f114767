package dev.recur.cli;

import dev.recur.bench.AdditionBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code recur bench addition}: Keras's addition_rnn as sequence to sequence; exact match on held-out sums. */
@Command(name = "addition", mixinStandardHelpOptions = true, description = {
        "Learn to add: \"535+61\" -> \"596\" (numbers of up to 3 digits, Keras's addition_rnn), 90% of the"
                + " examples to train, 10% held out; exact match of the greedy answers."})
final class AdditionBenchCommand implements Callable<Integer> {

    @Mixin
    Seq2SeqBenchOptions options;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "50000",
            description = "Distinct generated questions (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--reversed", description = "Reverse the questions (\"16+535\"), as Keras's REVERSE option.")
    boolean reversed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AdditionBench.run(examples, reversed, options.settings(AdditionBench.DEFAULTS),
                options.progress(spec.commandLine().getErr()), options.results(spec.commandLine().getOut()));
        return 0;
    }
}
