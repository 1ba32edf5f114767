package dev.recur.cli;

import me.tongfei.progressbar.ProgressBarConsumer;

import java.io.PrintWriter;

/**
 * One terminal line redrawn in place: each rendering returns to the line's start ({@code \r}),
 * is cut to the terminal's width (a wrapped line could not be redrawn) and blanks what is left
 * of a longer previous rendering. {@link #end} draws the last text in full (wrapping if it must)
 * and moves to the next line; renderings after it are ignored.
 *
 * <p>The progress bar library's own {@link #close()} does nothing here: the library skips it when
 * a bar is closed before its first scheduled refresh, so {@link ProgressListener} ends the line.
 */
final class TerminalLine implements ProgressBarConsumer {

    private final PrintWriter out;
    private final int width;
    private int shown; // length of the text on the line now
    private boolean ended;

    /** @param width columns available; 0 or less for no limit */
    TerminalLine(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
        return width > 0 ? width : Integer.MAX_VALUE;
    }

    @Override
    public synchronized void accept(String rendered) {
        if (!ended) {
            draw(width > 0 && rendered.length() > width ? rendered.substring(0, width) : rendered);
        }
    }

    /** Draws {@code last} in full, unless null, and ends the line; only the first call counts. */
    synchronized void end(String last) {
        if (ended) {
            return;
        }
        ended = true;
        if (last != null) {
            draw(last);
        }
        out.println();
        out.flush();
    }

    private void draw(String text) {
        out.print('\r' + text + " ".repeat(Math.max(0, shown - text.length())));
        out.flush();
        shown = text.length();
    }

    @Override
    public void close() {
    }
}
