package dev.recur.cli;

import dev.recur.train.Callback;
import dev.recur.train.History;
import dev.recur.train.TrainingContext;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shows training as it goes, as Keras's {@code fit(verbose=...)} does. On a terminal, an
 * {@code Epoch 3/10} line then one bar per epoch with the ETA and the running loss and metrics,
 * ending as the epoch's summary ({@code 25/25 [======] - 2.1s 84ms/step - loss: 0.1234 -
 * val_loss: 0.1350}). When the output is not a terminal (a pipe, a log file), one plain line per
 * epoch. In quiet mode, nothing.
 */
final class ProgressListener implements Callback {

    /** How progress is shown. */
    enum Mode {
        /** A live bar per epoch (a terminal). */
        BAR,
        /** One line per epoch (output redirected). */
        LINES,
        /** Nothing. */
        QUIET;

        /** BAR on a terminal, LINES otherwise, QUIET when asked. */
        static Mode detect(boolean quiet) {
            if (quiet) {
                return QUIET;
            }
            Console console = System.console();
            return console != null && console.isTerminal() ? BAR : LINES;
        }
    }

    /** Bar refreshes per second at most. */
    private static final int REFRESH_MILLIS = 150;

    private final Mode mode;
    private final PrintWriter out;
    private final int width; // columns the bar line may use
    private int epochs;
    private List<String> trainKeys; // the logs a batch reports: loss and metrics, no val_
    private ProgressBar bar;        // the current epoch's, in BAR mode
    private TerminalLine line;      // the bar's line
    private long epochStart;        // System.nanoTime()

    /** Progress in {@code mode}, written to {@code out}; on a terminal the bar fits its width. */
    static ProgressListener create(Mode mode, PrintWriter out) {
        int width = mode == Mode.BAR ? new ConsoleProgressBarConsumer(System.out).getMaxRenderedLength() : 0;
        return new ProgressListener(mode, out, width);
    }

    ProgressListener(Mode mode, PrintWriter out, int width) {
        this.mode = Objects.requireNonNull(mode);
        this.out = Objects.requireNonNull(out);
        this.width = width;
    }

    Mode mode() {
        return mode;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        epochs = context.options().epochs();
        trainKeys = context.logKeys().stream().filter(k -> !k.startsWith("val_")).toList();
        epochStart = System.nanoTime();
        if (mode == Mode.QUIET) {
            return;
        }
        int steps = context.stepsPerEpoch();
        out.println("Training on " + context.trainSamples() + " samples"
                + (context.validationSamples() > 0 ? ", validating on " + context.validationSamples() : "")
                + "; " + steps + (steps == 1 ? " step" : " steps") + " per epoch");
        context.lastCheckpoint().ifPresent(c -> out.println("Resuming from " + c));
        out.flush();
    }

    @Override
    public void onEpochBegin(int epoch, TrainingContext context) {
        epochStart = System.nanoTime();
        if (mode == Mode.BAR) {
            startBar(epoch, context.stepsPerEpoch(), 0);
        }
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
        if (mode != Mode.BAR) {
            return;
        }
        if (bar == null) { // an epoch resumed mid-way: no onEpochBegin
            startBar(epoch, context.stepsPerEpoch(), batch);
        }
        bar.setExtraMessage(LogLine.of(logs, trainKeys));
        bar.stepTo(batch + 1L);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        String values = LogLine.of(logs, context.logKeys());
        switch (mode) {
            case BAR -> {
                if (bar == null) { // resumed exactly at an epoch's last step
                    startBar(epoch, context.stepsPerEpoch(), context.stepsPerEpoch());
                }
                bar.setExtraMessage(values);
                bar.stepTo(bar.getMax());
                bar.close();
                line.end(EpochBar.render(bar)); // the summary in full, validation values included
                bar = null;
            }
            case LINES -> {
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                out.println("Epoch " + (epoch + 1) + "/" + epochs + " - " + LogLine.duration(seconds) + " - " + values);
                out.flush();
            }
            case QUIET -> {
            }
        }
    }

    @Override
    public void onTrainEnd(History history, TrainingContext context) {
        if (bar != null) { // stopped within an epoch
            bar.close();
            line.end(null);
            bar = null;
        }
    }

    private void startBar(int epoch, int steps, int done) {
        out.println("Epoch " + (epoch + 1) + "/" + epochs);
        out.flush();
        line = new TerminalLine(out, width);
        bar = new ProgressBarBuilder()
                .setInitialMax(steps)
                .startsFrom(done, Duration.ZERO)
                .setUpdateIntervalMillis(REFRESH_MILLIS)
                .setRenderer(new EpochBar())
                .setConsumer(line)
                .build();
    }
}
