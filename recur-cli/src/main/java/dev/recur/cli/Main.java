package dev.recur.cli;

import dev.recur.kernel.Parallel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code recur} command. */
@Command(name = "recur", mixinStandardHelpOptions = true, version = "recur 0.1.0",
        description = "Recurrent neural networks on the JVM: train, evaluate and benchmark sequence models.",
        subcommands = {DemoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--threads", paramLabel = "N", scope = CommandLine.ScopeType.INHERIT,
            description = "Kernel threads for every command (default: all ${sys:recur.cores} cores).")
    void setThreads(int n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at least 1, got " + n);
        }
        Parallel.setThreads(n);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line (also used by tests). */
    public static CommandLine commandLine() {
        System.setProperty("recur.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return new CommandLine(new Main());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
