package dev.recur.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The {@code startup} case of {@code recur bench rnn}: from the start of the process to the end
 * of the first training step of the LSTM H=256 character model (batch 32, window 100), then the
 * peak resident memory after ten more steps. It must be the first thing a fresh process does.
 * The start is the environment variable {@code RECUR_T0_NS} (nanoseconds since the epoch, set by
 * a caller that wants to count the launcher too, as the peer script's {@code PEER_T0_NS}) or else
 * the JVM process's start time.
 */
public final class RnnStartup {

    private static final int EXTRA_STEPS = 10;

    private RnnStartup() {
    }

    /** Runs the case and returns its JSON line. */
    public static String run() {
        long t0 = startNanos();
        RnnBench.Config c = new RnnBench.Config("lstm", 256, 1);
        RnnBench.CharLmStep step = new RnnBench.CharLmStep(c, 7);
        long built = epochNanos();
        step.run();
        long first = epochNanos();
        for (int i = 0; i < EXTRA_STEPS; i++) {
            step.run();
        }
        long end = epochNanos();
        return RnnBench.base("startup", c, RnnBench.B, RnnBench.T).put("unit", "ms").put("value", (first - t0) / 1e6)
                .put("ms_to_model_built", (built - t0) / 1e6).put("ms_to_first_step_done", (first - t0) / 1e6)
                .put("first_step_ms", (first - built) / 1e6).put("extra_steps", EXTRA_STEPS)
                .put("extra_steps_ms", (end - first) / 1e6).put("peak_rss_kb", peakRssKb())
                .put("t0", System.getenv("RECUR_T0_NS") != null ? "caller" : "jvm").toString();
    }

    private static long startNanos() {
        String env = System.getenv("RECUR_T0_NS");
        if (env != null && !env.isBlank()) {
            try {
                return Long.parseLong(env.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench rnn startup: RECUR_T0_NS must be nanoseconds since the epoch"
                        + " (date +%s%N), got '" + env + "'", e);
            }
        }
        Instant start = ProcessHandle.current().info().startInstant().orElseThrow(() ->
                new IllegalStateException("bench rnn startup: the process start time is unknown here; set RECUR_T0_NS"
                        + " to date +%s%N before starting the process"));
        return start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** VmHWM of /proc/self/status in kB, or 0 where there is none. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
