package dev.recur.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the machine other processes took during a measurement, as the peer script reports
 * it ({@code foreign_cpu_pct}: busy time of all cores minus this process's CPU time, over wall
 * time and cores; {@code steal_pct}: the hypervisor's share). Above ~5% the figure was disturbed.
 * Reads {@code /proc/stat}; elsewhere both are reported as 0.
 */
final class CpuLoad {

    /** Machine busy and steal jiffies, this process's CPU nanoseconds, wall nanoseconds. */
    record Snapshot(long busy, long steal, long ownNanos, long wallNanos) {
    }

    private CpuLoad() {
    }

    static Snapshot snapshot() {
        long busy = 0;
        long steal = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            for (int i = 1; i <= 8 && i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                busy += i == 4 || i == 5 ? 0 : v; // idle and iowait are not busy
                steal = i == 8 ? v : steal;
            }
        } catch (IOException | RuntimeException e) {
            busy = 0; // not Linux: report no foreign load
        }
        long own = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        return new Snapshot(busy, steal, own, System.nanoTime());
    }

    /** Adds {@code foreign_cpu_pct} and {@code steal_pct} between two snapshots to {@code line}. */
    static JsonLine putForeign(JsonLine line, Snapshot a, Snapshot b) {
        double hz = 100; // USER_HZ, 100 on every Linux architecture Java runs on
        int cpus = Runtime.getRuntime().availableProcessors();
        double wall = Math.max(1e-9, (b.wallNanos() - a.wallNanos()) / 1e9);
        double busy = (b.busy() - a.busy()) / hz;
        double own = (b.ownNanos() - a.ownNanos()) / 1e9;
        double foreign = a.busy() == 0 ? 0 : Math.max(0, busy - own) / (wall * cpus) * 100;
        double steal = (b.steal() - a.steal()) / hz / (wall * cpus) * 100;
        return line.put("foreign_cpu_pct", Math.round(foreign * 100) / 100.0)
                .put("steal_pct", Math.round(steal * 100) / 100.0);
    }
}
