package dev.recur.cli;

import picocli.CommandLine.Command;

/** {@code recur classify ...}: text classification (sentiment) with recurrent, convolutional or bag-of-words models. */
@Command(name = "classify", description = "Train, evaluate and use text classifiers (e.g. IMDB sentiment).",
        mixinStandardHelpOptions = true,
        subcommands = {ClassifyTrainCommand.class, ClassifyPredictCommand.class, ClassifyEvaluateCommand.class})
final class ClassifyCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
