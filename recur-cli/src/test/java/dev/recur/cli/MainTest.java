package dev.recur.cli;

import dev.recur.kernel.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code recur} command line: help, the global --threads option, and usage errors (exit code 2). */
class MainTest {

    private int threadsBefore;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void remember() {
        threadsBefore = Parallel.threads();
    }

    @AfterEach
    void restore() {
        Parallel.setThreads(threadsBefore);
    }

    /** Runs the command line with these arguments, capturing its output; returns the exit code. */
    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void helpListsTheCommandsAndTheThreadsOption() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: recur"), help);
        assertTrue(help.matches("(?s).*\\n\\s+demo\\s+Run the main job.*"), help);
        assertTrue(help.matches("(?s).*\\n\\s+bench\\s+Run a benchmark.*"), help);
        assertTrue(help.contains("--threads=N"), help);
        assertTrue(help.contains("Kernel threads for every command (default: all "
                + Runtime.getRuntime().availableProcessors() + " cores)."), help);
        assertEquals("", err.toString());
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().startsWith("Usage: recur"), out.toString());
    }

    @Test
    void threadsMustBePositive() {
        assertEquals(2, run("--threads", "0", "bench"));
        String msg = err.toString();
        assertTrue(msg.startsWith("--threads must be at least 1, got 0"), msg);
        assertTrue(msg.contains("Usage: recur"), "the usage follows the error: " + msg);
        assertEquals(threadsBefore, Parallel.threads(), "nothing changed");
    }

    @Test
    void threadsMustBeANumber() {
        assertEquals(2, run("--threads", "two"));
        assertTrue(err.toString().startsWith("Invalid value for option '--threads': 'two' is not an int"), err.toString());
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertEquals(2, run("--bogus"));
        assertTrue(err.toString().startsWith("Unknown option: '--bogus'"), err.toString());
        assertEquals(2, run("bench", "--fast"));
        assertTrue(err.toString().contains("Unknown option: '--fast'"), err.toString());
    }

    @Test
    void threadsSetsTheKernelThreadCount() {
        int other = threadsBefore == 1 ? 2 : 1;
        assertEquals(0, run("--threads", Integer.toString(other), "bench"));
        assertEquals(other, Parallel.threads());
        assertTrue(out.toString().contains("Usage: recur bench"), out.toString());
        assertEquals(0, run("bench", "--threads", "3"), "the option is inherited by subcommands");
        assertEquals(3, Parallel.threads());
    }
}
