package dev.recur.cli;

import dev.recur.bench.GemmBench;
import dev.recur.kernel.OpenBlas;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code recur bench gemm}: matrix-multiply throughput of Recur's kernel and, when present, OpenBLAS. */
@Command(name = "gemm", description = {
        "Matrix-multiply GFLOP/s, Recur against OpenBLAS when installed (libopenblas0-pthread).",
        "The backends are interleaved and medians reported, since machine load drifts; the ratio is "
                + "Recur / OpenBLAS (OpenBLAS's sgemv when m = 1)."},
        mixinStandardHelpOptions = true)
final class GemmBenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Option(names = "--shapes", split = ",", paramLabel = "MxKxN",
            description = "Products to time, C[m, n] = A[m, k] B[k, n] (default: ${DEFAULT-VALUE}).",
            defaultValue = "32x256x1024,64x512x2048,128x1024x4096,1x512x2048,512x512x512,2048x2048x2048")
    List<String> shapes;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "9",
            description = "Timed rounds per shape, each timing every backend once (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "400",
            description = "Minimum warm-up per backend and shape (default: ${DEFAULT-VALUE}).")
    long warmupMillis;

    @Option(names = "--batch-ms", paramLabel = "MS", defaultValue = "40",
            description = "Duration of one timed batch of calls (default: ${DEFAULT-VALUE}).")
    long batchMillis;

    @Option(names = "--no-openblas", description = "Time only Recur's kernel, even if OpenBLAS is installed.")
    boolean noOpenBlas;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<GemmBench.Shape> parsed = new ArrayList<>();
        GemmBench.Budget budget;
        try {
            for (String s : shapes) {
                parsed.add(GemmBench.Shape.parse(s));
            }
            budget = new GemmBench.Budget(warmupMillis, batchMillis, rounds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!noOpenBlas && !OpenBlas.isAvailable()) {
            spec.commandLine().getErr().println("recur bench gemm: OpenBLAS not available (" + OpenBlas.problem()
                    + "), timing Recur only; apt-get install libopenblas0-pthread to compare");
        }
        if (!json) {
            out.print(GemmBench.tableHeader());
        }
        GemmBench.run(parsed, budget, !noOpenBlas, shapeResults -> {
            if (json) {
                shapeResults.forEach(r -> out.println(r.toJson()));
            } else {
                out.print(GemmBench.tableRow(shapeResults));
            }
            out.flush();
        });
        return 0;
    }
}
