package dev.recur.cli;

import picocli.CommandLine.Command;

/** {@code recur demo}: the main job. */
@Command(name = "demo", description = "Run the main job: a short end-to-end training run.", mixinStandardHelpOptions = true)
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("demo: not built yet");
    }
}
