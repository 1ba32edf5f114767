package dev.recur.cli;

import dev.recur.bench.TimeseriesBench;
import dev.recur.tasks.forecast.Textbook;
import dev.recur.tasks.forecast.TextbookRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code recur bench timeseries}: Géron's ch. 15 forecasting table, measured against the published figures. */
@Command(name = "timeseries", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Train every model of the textbook forecasting table (Géron, Hands-On ML 2nd ed., ch. 15) on generated series"
                + " and print its validation MSE next to the published one, with its training time.",
        "10,000 series of 50 (+10) steps split 7,000 / 2,000 / 1,000; Adam, early stopping on the validation loss."})
final class TimeseriesBenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per row instead of a table.")
    boolean json;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "Rows to run (default: all): naive, linear, simple_rnn_1, deep_rnn, iterative_10, vector_10,"
                    + " seq2seq_10, lstm_seq2seq_10, gru_conv1d_10, wavenet_10.")
    List<String> models;

    @Option(names = "--series", paramLabel = "N", defaultValue = "" + TimeseriesBench.SERIES,
            description = "Generated series, split 70/20/10 (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "At most this many epochs per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the data and the models (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Textbook.Row> rows = new ArrayList<>();
        try {
            for (String name : models == null ? Textbook.ROWS.stream().map(Textbook.Row::name).toList() : models) {
                Textbook.Row row = Textbook.row(name.strip());
                if (row.reuses() != null && rows.stream().noneMatch(r -> r.name().equals(row.reuses()))) {
                    rows.add(Textbook.row(row.reuses()));
                }
                rows.add(row);
            }
            if (series < 10) {
                throw new IllegalArgumentException("--series must be at least 10, got " + series);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        TextbookRun.Settings settings;
        try {
            settings = TextbookRun.Settings.defaults(seed).withEpochs(epochs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.print(TimeseriesBench.tableHeader());
            out.flush();
        }
        TimeseriesBench.run(rows, series, settings, row -> {
            out.print(json ? row.toJson() + System.lineSeparator() : row.tableRow());
            out.flush();
        });
        return 0;
    }
}
