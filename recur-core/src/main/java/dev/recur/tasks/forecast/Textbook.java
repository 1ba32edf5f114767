package dev.recur.tasks.forecast;

import dev.recur.data.series.SlidingWindows;
import dev.recur.data.series.Split;
import dev.recur.data.series.SyntheticSeries;
import dev.recur.data.series.WindowBatch;
import dev.recur.data.series.WindowSpec;
import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * The forecasting experiment of Géron, <i>Hands-On Machine Learning</i>, 2nd ed., ch. 15: series
 * of {@value #STEPS} generated steps ({@link SyntheticSeries}) followed by the 1 or {@value #AHEAD}
 * steps to forecast, split 70/20/10 into training, validation and test series, and the models of
 * its table with the validation MSE the book reports. {@link TextbookRun} trains and scores them.
 *
 * <p>As in the book, the one-step rows use series of 51 points and the ten-step rows series of 60
 * points: the points are evenly spaced on [0, 1] either way, so the two sets differ (the naive
 * forecast's MSE is about 0.020 on the first and 0.016 on the second).
 */
public final class Textbook {

    /** Input steps per series. */
    public static final int STEPS = 50;
    /** Steps after the inputs that the multi-step rows forecast. */
    public static final int AHEAD = 10;

    private Textbook() {
    }

    /**
     * One row of the table.
     *
     * @param name      the row's name ({@code deep_rnn})
     * @param layers    the model's specification; null for the naive baseline
     * @param strategy  how the model forecasts {@code horizon} steps
     * @param horizon   steps forecast: 1 or {@value #AHEAD}
     * @param published the validation MSE the book reports, or null when it reports none
     * @param reuses    the row whose trained model this row forecasts with (the iterative row reuses
     *                  the one-step deep RNN, as the book does), or null to train its own
     * @param offset    the input step of the model's first output step (sequence models whose
     *                  convolution shortens the sequence; 0 otherwise)
     * @param stride    input steps per output step of a sequence model (1 unless a convolution strides)
     */
    public record Row(String name, String layers, Strategy strategy, int horizon, Double published, String reuses,
                      int offset, int stride) {

        /** Whether this row is the naive baseline (no model). */
        public boolean baseline() {
            return layers == null;
        }
    }

    private static final String DEEP_RNN = "Input(50, 1) SimpleRNN(20, return_sequences=true) SimpleRNN(20)";
    private static final String SEQ = "return_sequences=true";

    /** The rows in the book's order, then the LSTM, GRU and WaveNet rows of the same section. */
    public static final List<Row> ROWS = List.of(
            new Row("naive", null, Strategy.VECTOR, 1, 0.020, null, 0, 1),
            new Row("linear", "Input(50, 1) Flatten Dense(1)", Strategy.VECTOR, 1, 0.004, null, 0, 1),
            new Row("simple_rnn_1", "Input(50, 1) SimpleRNN(1)", Strategy.VECTOR, 1, 0.014, null, 0, 1),
            new Row("deep_rnn", DEEP_RNN + " Dense(1)", Strategy.VECTOR, 1, 0.003, null, 0, 1),
            new Row("iterative_10", DEEP_RNN + " Dense(1)", Strategy.ITERATIVE, AHEAD, 0.029, "deep_rnn", 0, 1),
            new Row("vector_10", DEEP_RNN + " Dense(10)", Strategy.VECTOR, AHEAD, 0.008, null, 0, 1),
            new Row("seq2seq_10", "Input(50, 1) SimpleRNN(20, " + SEQ + ") SimpleRNN(20, " + SEQ + ")"
                    + " TimeDistributed(Dense(10))", Strategy.SEQ2SEQ, AHEAD, 0.006, null, 0, 1),
            new Row("lstm_seq2seq_10", "Input(50, 1) LSTM(20, " + SEQ + ") LSTM(20, " + SEQ + ")"
                    + " TimeDistributed(Dense(10))", Strategy.SEQ2SEQ, AHEAD, null, null, 0, 1),
            new Row("gru_conv1d_10", "Input(50, 1) Conv1D(20, 4, strides=2, padding=valid) GRU(20, " + SEQ + ")"
                    + " GRU(20, " + SEQ + ") TimeDistributed(Dense(10))", Strategy.SEQ2SEQ, AHEAD, null, null, 3, 2),
            new Row("wavenet_10", wavenet(), Strategy.SEQ2SEQ, AHEAD, null, null, 0, 1));

    /** The row called {@code name}; an unknown name is an error listing the rows. */
    public static Row row(String name) {
        return ROWS.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Textbook: no row \"" + name + "\"; rows: "
                        + String.join(", ", ROWS.stream().map(Row::name).toList())));
    }

    /** Géron's WaveNet: causal Conv1D(20, 2) with dilations 1, 2, 4, 8 twice, then Conv1D(10, 1). */
    private static String wavenet() {
        StringBuilder sb = new StringBuilder("Input(50, 1)");
        for (int rep = 0; rep < 2; rep++) {
            for (int rate = 1; rate <= 8; rate *= 2) {
                sb.append(" Conv1D(20, 2, padding=causal, activation=relu, dilation_rate=").append(rate).append(')');
            }
        }
        return sb.append(" Conv1D(10, 1)").toString();
    }

    /**
     * One part of the data: inputs and, for every input step, the next {@code ahead} values.
     *
     * @param inputs  [series, STEPS, 1]
     * @param targets [series, STEPS, ahead]: {@code targets[s, t, k]} is step {@code t + 1 + k} of series {@code s}
     */
    public record Part(Tensor inputs, Tensor targets) {

        /** Number of series. */
        public int size() {
            return inputs.dim(0);
        }

        /** The targets a row trains and is scored on. */
        public Tensor targetsFor(Row row) {
            Tensor t = row.strategy().targets(targets, row.horizon());
            if (row.strategy() != Strategy.SEQ2SEQ || (row.offset() == 0 && row.stride() == 1)) {
                return t;
            }
            int steps = (t.dim(1) - 1 - row.offset()) / row.stride() + 1;
            Tensor[] kept = new Tensor[steps];
            for (int j = 0; j < steps; j++) {
                kept[j] = t.slice(1, row.offset() + j * row.stride(), row.offset() + j * row.stride() + 1);
            }
            return Tensor.concat(1, kept).contiguous(); // Géron's Y[:, 3::2]
        }

        /** The value {@code horizon} steps after every series' inputs: [series, horizon]. */
        public Tensor future(int horizon) {
            return targets.select(1, STEPS - 1).slice(1, 0, horizon).contiguous();
        }
    }

    /**
     * The generated data split by series 70/20/10 (the book's 7,000 / 2,000 / 1,000 of 10,000).
     *
     * @param train      the first 70% of the series
     * @param validation the next 20%, on which the book reports its figures
     * @param test       the last 10%
     */
    public record Data(Part train, Part validation, Part test) {
    }

    /** {@code series} generated series of {@value #STEPS} + {@code ahead} steps, seeded, split 70/20/10. */
    public static Data generate(int series, int ahead, long seed) {
        if (series < 10) {
            throw new IllegalArgumentException("Textbook.generate: at least 10 series are needed for a 70/20/10 split,"
                    + " got " + series);
        }
        Tensor all = SyntheticSeries.generate(series, STEPS + ahead, seed); // [series, 50 + ahead, 1]
        Split split = Split.byCount(all, series * 7 / 10, series * 2 / 10);
        return new Data(part(split.train(), ahead), part(split.validation(), ahead), part(split.test(), ahead));
    }

    private static Part part(Tensor series, int ahead) { // [n, 50 + ahead, 1]
        WindowBatch w = new SlidingWindows(series, WindowSpec.everyStep(STEPS, ahead)).all();
        return new Part(w.inputs(), w.targets());
    }
}
