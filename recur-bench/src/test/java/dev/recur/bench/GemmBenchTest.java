package dev.recur.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GemmBenchTest {

    @Test
    void parsesShapes() {
        assertEquals(new GemmBench.Shape(32, 256, 1024), GemmBench.Shape.parse(" 32x256x1024 "));
        var e = assertThrows(IllegalArgumentException.class, () -> GemmBench.Shape.parse("8xAx8"));
        assertEquals("gemm shape must look like MxKxN with whole numbers (e.g. 32x256x1024), got '8xAx8'",
                e.getMessage());
    }

    @Test
    void resultsAsJson() {
        var r = new GemmBench.Result("java-vector", "gemm", new GemmBench.Shape(1, 2, 3), 2, 12.3456, 1.23456);
        assertEquals("{\"bench\":\"gemm\",\"backend\":\"java-vector\",\"call\":\"gemm\",\"m\":1,\"k\":2,\"n\":3,"
                + "\"threads\":2,\"gflops\":12.35,\"ratio_vs_openblas\":1.235}", r.toJson());
        var alone = new GemmBench.Result("openblas", "sgemv", new GemmBench.Shape(1, 2, 3), 1, 4, Double.NaN);
        assertEquals("{\"bench\":\"gemm\",\"backend\":\"openblas\",\"call\":\"sgemv\",\"m\":1,\"k\":2,\"n\":3,"
                + "\"threads\":1,\"gflops\":4.0}", alone.toJson());
    }

    @Test
    void measuresTinyShapesQuickly() {
        var results = GemmBench.run(List.of(new GemmBench.Shape(4, 4, 4)), new GemmBench.Budget(0, 1, 3), false);
        assertEquals(1, results.size());
        assertTrue(results.get(0).gflops() > 0);
        assertTrue(Double.isNaN(results.get(0).ratioVsOpenBlas()));
        assertTrue(GemmBench.tableRow(results).startsWith("4x4x4 "));
    }

    @Test
    void compilerQueueIsIdleOnlyWithNoTaskListed() {
        String idle = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n";
        String compiling = "Current compiles: \nC2 CompilerThread0  2689 %     4       "
                + "dev.recur.kernel.GemmKernels::kernel8x3 @ 348 (1095 bytes)\n\nC1 compile queue:\nEmpty\n\n"
                + "C2 compile queue:\nEmpty\n";
        String queued = "Current compiles: \n\nC1 compile queue:\n1903       3       "
                + "com.example.A::b (21 bytes)\n\nC2 compile queue:\nEmpty\n";
        assertTrue(GemmBench.compilerQueueIdle(idle));
        assertFalse(GemmBench.compilerQueueIdle(compiling));
        assertFalse(GemmBench.compilerQueueIdle(queued));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, GemmBench.median(new double[] {3, 1, 2}));
        assertEquals(2.5, GemmBench.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void rejectsBadBudget() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GemmBench.Budget(-1, 1, 1));
        assertEquals("gemm bench budget needs warmup >= 0 ms, batch >= 1 ms and rounds >= 1, got -1 ms, 1 ms, 1",
                e.getMessage());
    }
}
