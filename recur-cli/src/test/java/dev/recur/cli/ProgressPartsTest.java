package dev.recur.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of the progress output: number formats, the bar's drawing, the redrawn terminal line. */
class ProgressPartsTest {

    @Test
    void numbersAsKerasPrintsThem() {
        assertEquals("0.1235", LogLine.number(0.12345));
        assertEquals("12.0000", LogLine.number(12));
        assertEquals("0.0000", LogLine.number(0));
        assertEquals("1.5000e-05", LogLine.number(1.5e-5));
        assertEquals("-2.0000e-04", LogLine.number(-2e-4));
        assertEquals("NaN", LogLine.number(Double.NaN));
        assertEquals("loss: 0.5000 - val_loss: 0.2500",
                LogLine.of(Map.of("loss", 0.5, "val_loss", 0.25, "batch_loss", 9.0), List.of("loss", "mae", "val_loss")));
    }

    @Test
    void durationsAndTimePerStep() {
        assertEquals("3.2s", LogLine.duration(3.21));
        assertEquals("42s", LogLine.duration(42.4));
        assertEquals("3:05", LogLine.duration(185));
        assertEquals("1:02:03", LogLine.duration(3723));
        assertEquals("10ms/step", LogLine.perStep(1.0, 100));
        assertEquals("500us/step", LogLine.perStep(0.05, 100));
        assertEquals("3s/step", LogLine.perStep(6, 2));
    }

    @Test
    void theBarFillsInProportion() {
        assertEquals("[" + ".".repeat(30) + "]", EpochBar.bar(0, 10));
        assertEquals("[" + "=".repeat(11) + ">" + ".".repeat(18) + "]", EpochBar.bar(4, 10));
        assertEquals("[" + "=".repeat(30) + "]", EpochBar.bar(10, 10));
    }

    /** Collects what a progress bar renders. */
    private static final class Renderings implements ProgressBarConsumer {
        final List<String> lines = new ArrayList<>();

        @Override
        public int getMaxRenderedLength() {
            return 200;
        }

        @Override
        public synchronized void accept(String s) {
            lines.add(s);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theRendererShowsTheEtaWhileRunningAndTheTimePerStepWhenDone() {
        Renderings r = new Renderings();
        ProgressBar bar = new ProgressBarBuilder().setInitialMax(10).setRenderer(new EpochBar()).setConsumer(r)
                .setUpdateIntervalMillis(60_000).build();
        bar.setExtraMessage("loss: 0.5000");
        bar.stepTo(4);
        bar.refresh();
        bar.stepTo(10);
        bar.close();
        String running = r.lines.stream().filter(s -> s.startsWith(" 4/10")).findFirst().orElse(r.lines.toString());
        assertTrue(running.matches(" 4/10 \\[={11}>\\.{18}] - ETA: \\d+\\.\\ds - loss: 0\\.5000"), running);
        String done = r.lines.getLast();
        assertTrue(done.matches("10/10 \\[={30}] - \\d+\\.\\ds \\d+(ms|us)/step - loss: 0\\.5000"), done);
    }

    @Test
    void theTerminalLineIsRedrawnInPlaceCutToTheWidthAndEndedInFull() {
        StringWriter out = new StringWriter();
        TerminalLine line = new TerminalLine(new PrintWriter(out), 10);
        line.accept("0123456789ABC");
        assertEquals("\r0123456789", out.toString());
        line.accept("abc");
        assertEquals("\r0123456789\rabc" + " ".repeat(7), out.toString());
        line.close();
        line.end("the final summary, longer than the width");
        line.end("again");
        line.accept("after the end");
        assertEquals("\r0123456789\rabc" + " ".repeat(7) + "\rthe final summary, longer than the width\n", out.toString());
        StringWriter stopped = new StringWriter();
        TerminalLine interrupted = new TerminalLine(new PrintWriter(stopped), 0);
        interrupted.accept("2/3 [====");
        interrupted.end(null);
        assertEquals("\r2/3 [====\n", stopped.toString());
    }

    @Test
    void theSummaryOfAFinishedBar() {
        ProgressBar bar = new ProgressBarBuilder().setInitialMax(4).startsFrom(1, java.time.Duration.ZERO)
                .setRenderer(new EpochBar()).setConsumer(new Renderings()).build();
        bar.stepTo(4);
        bar.setExtraMessage("loss: 1.0000");
        bar.close();
        assertTrue(EpochBar.render(bar).matches("4/4 \\[={30}] - \\d+\\.\\ds \\d+(ms|us)/step - loss: 1\\.0000"),
                EpochBar.render(bar));
        assertEquals(" 3/10 [========>.....................] - ETA: 14s",
                EpochBar.render(3, 10, 1, java.time.Duration.ofSeconds(4), null));
    }
}
