package dev.recur.train;

import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.kernel.Parallel;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * DESIGN.md's promise, tested for real: a training process killed with SIGKILL in the middle of an
 * epoch, then resumed from its last checkpoint in another process, ends with weights bit-identical
 * to an uninterrupted run with the same seed; for 1 and 2 kernel threads.
 */
class KillAndResumeTest {

    /** The global step (1-based, 5 per epoch) from which the test kills the process, mid-epoch. */
    private static final int KILL_FROM_STEP = 7;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void killedMidEpochThenResumedEndsBitIdentical(int threads, TestReporter reporter) throws Exception {
        Map<String, Tensor> expected = uninterrupted(threads);
        Path checkpoints = dir.resolve("run");
        Path csv = dir.resolve("log.csv");
        Path out = dir.resolve("weights.safetensors");

        Process first = start(checkpoints, csv, out, threads, "fresh", 40, dir.resolve("first.err"));
        List<String> seen = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); ; line = lines.readLine()) {
                if (line == null) {
                    fail("the training process ended before it could be killed: " + seen + "\n"
                            + stderr(dir.resolve("first.err")));
                }
                seen.add(line);
                boolean checkpointed = Files.exists(checkpoints.resolve(FitOptions.Checkpointing.FILE_NAME));
                if (line.startsWith("step ") && midEpochFrom(line) && checkpointed) {
                    first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                    break;
                }
            }
        }
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL (128 + 9)");
        assertFalse(Files.exists(out), "the killed run did not finish");

        Process second = start(checkpoints, csv, out, threads, "resume", 0, dir.resolve("second.err"));
        List<String> resumed;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
            resumed = lines.lines().toList();
        }
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), () -> "resumed run failed:\n" + stderr(dir.resolve("second.err")));
        assertEquals("done", resumed.getLast());
        String begin = resumed.getFirst(); // "begin <epoch> <step>" of the checkpoint it resumed from
        assertTrue(begin.startsWith("begin ") && !begin.equals("begin fresh") && !begin.equals("begin 0 0"), begin);

        SafeTensorsFile actual = SafeTensors.read(out);
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.names()));
        for (var e : expected.entrySet()) {
            assertEquals(0.0, e.getValue().maxAbsDiff(actual.tensor(e.getKey())), e.getKey() + " after resuming from " + begin);
            float[] a = e.getValue().toFloatArray();
            float[] b = actual.tensor(e.getKey()).toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), e.getKey() + "[" + i + "] bits");
            }
        }
        assertEquals(Files.readString(dir.resolve("ref.csv")), Files.readString(csv), "the CSV log (the history)");
        reporter.publishEntry("killed after", seen.getLast() + " (0-based epoch, batch)");
        reporter.publishEntry("resumed from", begin.substring("begin ".length()) + " (0-based epoch, steps done)");
    }

    /** The reference: the same run in this process, never interrupted. */
    private Map<String, Tensor> uninterrupted(int threads) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Trainer trainer = ResumableRun.trainer();
            ResumableRun.fit(trainer, ResumableRun.options(dir.resolve("ref"), dir.resolve("ref.csv"),
                    ResumableRun.Probe.quiet(), false));
            return KillResumeMain.weights(trainer);
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static boolean midEpochFrom(String stepLine) {
        String[] f = stepLine.split(" ");
        int epoch = Integer.parseInt(f[1]);
        int batch = Integer.parseInt(f[2]);
        int step = epoch * ResumableRun.STEPS_PER_EPOCH + batch + 1;
        return step >= KILL_FROM_STEP && batch > 0 && batch < ResumableRun.STEPS_PER_EPOCH - 1;
    }

    private static Process start(Path checkpoints, Path csv, Path out, int threads, String mode, long sleepMillis,
                                 Path err) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), KillResumeMain.class.getName(), checkpoints.toString(),
                csv.toString(), out.toString(), Integer.toString(threads), mode, Long.toString(sleepMillis));
        return new ProcessBuilder(command).redirectError(err.toFile()).start();
    }

    private static String stderr(Path err) {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
