package dev.recur.cli;

import dev.recur.kernel.Parallel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code recur} command. */
@Command(name = "recur", mixinStandardHelpOptions = true, version = "recur 0.1.0",
        description = "Recurrent neural networks on the JVM: train, evaluate and benchmark sequence models.",
        subcommands = {DemoCommand.class, TrainCommand.class, ForecastCommand.class, EvaluateCommand.class, PredictCommand.class, SummaryCommand.class, TextgenCommand.class, GenerateCommand.class, ClassifyCommand.class, TranslateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
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
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::reportUserError);
        return cl;
    }

    /**
     * A bad argument or input (IllegalArgumentException, or a call in the wrong state) is the
     * user's to fix: print its message, not a stack trace, and exit with 2 like a usage error.
     * Anything else is a bug in Recur and keeps its stack trace.
     */
    private static int reportUserError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            cl.getErr().println(cl.getColorScheme().errorText("recur " + cl.getCommandName() + ": " + e.getMessage()));
            cl.getErr().flush();
            return 2;
        }
        throw e;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
