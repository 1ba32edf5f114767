package dev.recur.train;

import dev.recur.autodiff.Parameter;
import dev.recur.io.SafeTensors;
import dev.recur.kernel.Parallel;
import dev.recur.tensor.Tensor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training process that {@link KillAndResumeTest} kills with SIGKILL and then resumes:
 * {@link ResumableRun} with a checkpoint every 2 steps, reporting each step on standard output
 * ({@code step <epoch> <batch>}), and at the end writing the final weights to a file and printing
 * {@code done}.
 *
 * <p>Arguments: {@code <checkpoint dir> <csv log> <weights out> <threads> <fresh|resume> <sleep ms per step>}.
 */
public final class KillResumeMain {

    private KillResumeMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Parallel.setThreads(Integer.parseInt(args[3]));
        boolean resume = args[4].equals("resume");
        long sleep = Long.parseLong(args[5]);
        Trainer trainer = ResumableRun.trainer();
        FitOptions options = ResumableRun.options(dir, csv, new ResumableRun.Probe(sleep, -1, System.out), false);
        ResumableRun.fit(trainer, resume ? options.withResumeFrom(dir) : options);
        SafeTensors.write(out, weights(trainer), Map.of());
        System.out.println("done");
    }

    static Map<String, Tensor> weights(Trainer trainer) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Parameter p : trainer.model().parameters()) {
            w.put(p.name(), p.value());
        }
        return w;
    }
}
