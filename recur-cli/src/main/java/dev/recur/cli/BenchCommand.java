package dev.recur.cli;

import picocli.CommandLine.Command;

/** {@code recur bench ...}: benchmark runners, each printing JSON lines with --json. */
@Command(name = "bench", description = "Run a benchmark.", mixinStandardHelpOptions = true,
        subcommands = {GemmBenchCommand.class, RnnBenchCommand.class, TimeseriesBenchCommand.class, CharLmBenchCommand.class, ImdbBenchCommand.class, AdditionBenchCommand.class, G2pBenchCommand.class, FraEngBenchCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
