package dev.recur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recur.kernel.OpenBlas;
import dev.recur.kernel.Parallel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GemmBenchCommandTest {

    private static final String[] QUICK = {"--rounds", "1", "--warmup-ms", "0", "--batch-ms", "1"};

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] quick(String... args) {
        String[] all = new String[args.length + QUICK.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(QUICK, 0, all, args.length, QUICK.length);
        return all;
    }

    @Test
    void jsonLinesForEveryShapeAndBackend() {
        Run r = run(quick("bench", "gemm", "--json", "--shapes", "8x8x8,1x16x32"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int perShape = OpenBlas.isAvailable() ? 2 : 1;
        assertEquals(2 * perShape, lines.size(), r.out());
        String first = lines.get(0);
        assertTrue(first.startsWith("{\"bench\":\"gemm\",\"backend\":\"java-vector\",\"call\":\"gemm\",\"m\":8,\"k\":8,"
                + "\"n\":8,\"threads\":" + Parallel.threads() + ",\"gflops\":"), first);
        assertTrue(number(first, "gflops") > 0, first);
        if (OpenBlas.isAvailable()) {
            assertTrue(number(first, "ratio_vs_openblas") > 0, first);
            assertTrue(lines.get(1).startsWith("{\"bench\":\"gemm\",\"backend\":\"openblas\",\"call\":\"sgemm\""),
                    lines.get(1));
            assertTrue(lines.get(3).contains("\"backend\":\"openblas\",\"call\":\"sgemv\",\"m\":1,\"k\":16,\"n\":32"),
                    lines.get(3));
        }
        for (String line : lines) {
            String value = "(\"[a-z-]+\"|-?[0-9.]+(E-?[0-9]+)?)";
            assertTrue(line.matches("\\{(\"[a-z_]+\":" + value + ",)*\"[a-z_]+\":" + value + "}"),
                    "not a flat JSON object: " + line);
        }
    }

    @Test
    void threadsOptionIsUsed() {
        int before = Parallel.threads();
        try {
            Run r = run(quick("bench", "gemm", "--threads", "1", "--json", "--no-openblas", "--shapes", "4x4x4"));
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("\"threads\":1,"), r.out());
            assertEquals(1, r.out().lines().count());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void readableTable() {
        Run r = run(quick("bench", "gemm", "--no-openblas", "--shapes", "3x5x7"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("m x k x n"), lines.get(0));
        assertTrue(lines.get(1).startsWith("3x5x7 "), lines.get(1));
    }

    @Test
    void badShapeIsAUsageError() {
        Run r = run(quick("bench", "gemm", "--shapes", "32x256"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("gemm shape must look like MxKxN (e.g. 32x256x1024), got '32x256'"), r.err());
        Run zero = run(quick("bench", "gemm", "--shapes", "0x4x4"));
        assertTrue(zero.err().contains("gemm shape must have m, k, n >= 1, got 0x4x4"), zero.err());
        Run rounds = run("bench", "gemm", "--rounds", "0");
        assertTrue(rounds.err().contains("gemm bench budget needs warmup >= 0 ms, batch >= 1 ms and rounds >= 1, "
                + "got 400 ms, 40 ms, 0"), rounds.err());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.E-]+)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }
}
