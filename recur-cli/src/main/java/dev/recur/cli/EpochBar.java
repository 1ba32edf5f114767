package dev.recur.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

import java.time.Duration;

/**
 * Draws one epoch's bar as Keras does: {@code 12/25 [=============>................] - ETA: 1.4s -
 * loss: 0.1234}, and once the epoch is complete {@code 25/25 [==============================] -
 * 2.9s 116ms/step - loss: 0.1201 - val_loss: 0.1350}. The ETA is the time per step so far times
 * the steps left.
 */
final class EpochBar implements ProgressBarRenderer {

    static final int BAR_WIDTH = 30;

    @Override
    public String render(ProgressState state, int maxLength) {
        return render(state.getCurrent(), state.getMax(), state.getStart(), state.getElapsedAfterStart(),
                state.getExtraMessage());
    }

    /** The line of a bar as it stands now: the epoch's summary once the bar is full. */
    static String render(ProgressBar bar) {
        return render(bar.getCurrent(), bar.getMax(), bar.getStart(), bar.getElapsedAfterStart(), bar.getExtraMessage());
    }

    /**
     * @param start   the step the bar started at (a resumed epoch starts after 0)
     * @param elapsed the time since the bar started
     * @param extra   the logs to show, or null
     */
    static String render(long current, long max, long start, Duration elapsed, String extra) {
        long done = current - start;
        double seconds = elapsed.toNanos() / 1e9;
        String steps = Long.toString(max);
        StringBuilder line = new StringBuilder();
        line.append(" ".repeat(Math.max(0, steps.length() - Long.toString(current).length())))
                .append(current).append('/').append(steps).append(' ').append(bar(current, max));
        if (current >= max) {
            line.append(" - ").append(LogLine.duration(seconds)).append(' ').append(LogLine.perStep(seconds, done));
        } else if (done > 0) {
            line.append(" - ETA: ").append(LogLine.duration(seconds / done * (max - current)));
        }
        if (extra != null && !extra.isEmpty()) {
            line.append(" - ").append(extra);
        }
        return line.toString();
    }

    /** {@code [=====>........]}: full when current reaches max. */
    static String bar(long current, long max) {
        int filled = max <= 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, BAR_WIDTH * current / max);
        StringBuilder sb = new StringBuilder(BAR_WIDTH + 2).append('[');
        if (filled >= BAR_WIDTH) {
            sb.append("=".repeat(BAR_WIDTH));
        } else {
            sb.append("=".repeat(Math.max(0, filled - 1))).append(filled > 0 ? ">" : "").append(".".repeat(BAR_WIDTH - Math.max(filled, 0)));
        }
        return sb.append(']').toString();
    }
}
