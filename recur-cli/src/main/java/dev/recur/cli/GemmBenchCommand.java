package dev.recur.cli;

import picocli.CommandLine.Command;

/** {@code recur bench gemm}: matrix-multiply throughput of Recur's kernel and, when present, OpenBLAS. */
@Command(name = "gemm", description = "Matrix-multiply GFLOP/s, Recur against OpenBLAS when installed.",
        mixinStandardHelpOptions = true)
final class GemmBenchCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("bench gemm: not built yet");
    }
}
