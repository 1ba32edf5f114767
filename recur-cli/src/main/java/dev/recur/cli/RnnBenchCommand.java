package dev.recur.cli;

import dev.recur.bench.RnnBench;
import dev.recur.bench.RnnStartup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code recur bench rnn}: the PyTorch peer script's recurrent cases, run in Recur. */
@Command(name = "rnn", description = {
        "Recurrent training and sampling speed on the cases of the PyTorch peer script torch_rnn_bench.py",
        "(same models, timing rules and JSON fields): train_charlm, infer_charlm, step_latency, train_ts,",
        "infer_ts; startup alone, as the first thing of a fresh process.",
        "Side by side with PyTorch: recur-bench/side-by-side.sh."},
        mixinStandardHelpOptions = true)
final class RnnBenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Option(names = "--quick", description = "A smoke run: three models, short timing (the script's --quick).")
    boolean quick;

    @Option(names = "--case", split = ",", paramLabel = "CASE",
            description = "Cases to run (default: all but startup): train_charlm, infer_charlm, step_latency, "
                    + "train_ts, infer_ts, or startup alone.")
    List<String> cases = new ArrayList<>();

    @Option(names = "--models", split = ",", paramLabel = "CELL:H:L",
            description = "Character models to run, e.g. lstm:512:1,gru:256:1 (default: the script's list).")
    List<String> models = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (cases.contains("startup")) {
            if (cases.size() > 1 || !models.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "bench rnn: --case startup runs alone (it"
                        + " times the process from its start), got --case " + String.join(",", cases)
                        + (models.isEmpty() ? "" : " --models " + String.join(",", models)) + "; run it by itself");
            }
            print(out, RnnStartup.run());
            return 0;
        }
        RnnBench.Plan plan;
        try {
            List<RnnBench.Config> configs = new ArrayList<>();
            for (String m : models) {
                configs.add(RnnBench.Config.parse(m));
            }
            plan = RnnBench.Plan.of(cases, configs, quick);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!json) {
            out.print(RnnBench.tableHeader());
        }
        RnnBench.run(plan, line -> print(out, line));
        return 0;
    }

    private void print(PrintWriter out, String line) {
        out.print(json ? line + System.lineSeparator() : RnnBench.tableRow(line));
        out.flush();
    }
}
