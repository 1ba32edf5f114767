package dev.recur.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The timing rules of the PyTorch peer script ({@code torch_rnn_bench.py}'s {@code time_loop}),
 * so that figures compare: warm-up for at least {@code warmup} calls and {@code warmupSeconds},
 * then timed calls until at least {@code iters} calls and {@code minSeconds} (at most
 * {@code maxIters} in each phase); the figure is the median call.
 */
record TimeLoop(int warmup, double warmupSeconds, int iters, double minSeconds, int maxIters) {

    /** The script's defaults. */
    static final TimeLoop DEFAULT = new TimeLoop(3, 1.0, 10, 3.0, 2000);

    /** The script's {@code --quick}: a smoke run. */
    static final TimeLoop QUICK = new TimeLoop(3, 0.2, 3, 0.3, 2000);

    TimeLoop {
        if (warmup < 0 || iters < 1 || maxIters < 1 || warmupSeconds < 0 || minSeconds < 0) {
            throw new IllegalArgumentException("time loop needs warmup >= 0, iters >= 1, maxIters >= 1 and times >= 0,"
                    + " got warmup " + warmup + ", iters " + iters + ", maxIters " + maxIters);
        }
    }

    /** Median, min, p90 and mean of a list of durations in seconds, and their count. */
    record Summary(double median, double min, double p90, double mean, int n) {

        static Summary of(List<Double> seconds) {
            double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = s.length;
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            double p90 = s[Math.min(n - 1, (int) Math.round(0.9 * (n - 1)))];
            return new Summary(median, s[0], p90, Arrays.stream(s).average().orElse(0), n);
        }

        /** The script's fields {@code median_s, min_s, p90_s, mean_s, n}. */
        JsonLine putSeconds(JsonLine line) {
            return line.put("median_s", median).put("min_s", min).put("p90_s", p90).put("mean_s", mean).put("n", n);
        }
    }

    /** Warm-up, then timed calls of {@code call}; returns each timed call's seconds. */
    List<Double> run(Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < warmup || seconds(start) < warmupSeconds; ) {
            call.run();
            if (++i >= maxIters) {
                break;
            }
        }
        List<Double> times = new ArrayList<>();
        start = System.nanoTime();
        while ((times.size() < iters || seconds(start) < minSeconds) && times.size() < maxIters) {
            long t0 = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        return times;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
