package dev.recur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    @Test
    void coversEveryIndexOnceWithGrainAlignedChunks() {
        for (int threads = 1; threads <= 4; threads++) {
            Parallel.setThreads(threads);
            for (int n : new int[] {0, 1, 15, 16, 17, 100, 1000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
                Parallel.forRange(n, 16, (start, end) -> {
                    chunks.add(new int[] {start, end});
                    for (int i = start; i < end; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits.get(i), "index " + i + " of " + n + " with " + threads + " threads");
                }
                assertTrue(chunks.size() <= threads, chunks.size() + " chunks for " + threads + " threads");
                for (int[] c : chunks) {
                    assertEquals(0, c[0] % 16, "chunk start " + c[0] + " is not a multiple of the grain");
                }
            }
        }
    }

    @Test
    void moreChunksThanThreadsStillCoverEveryIndexOnce() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(1000);
        List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(1000, 16, 8, (start, end) -> {
            chunks.add(new int[] {start, end});
            for (int i = start; i < end; i++) {
                hits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
        assertEquals(8, chunks.size());
        for (int[] c : chunks) {
            assertEquals(0, c[0] % 16, "chunk start " + c[0] + " is not a multiple of the grain");
        }
    }

    @Test
    void manyShortLoopsInARow() {
        Parallel.setThreads(2);
        long[] total = new long[1];
        for (int rep = 0; rep < 20_000; rep++) {
            long[] parts = new long[2];
            Parallel.forRange(64, 32, (start, end) -> parts[start / 32] = end - start);
            total[0] += parts[0] + parts[1];
        }
        assertEquals(20_000L * 64, total[0]);
    }

    @Test
    void nestedLoopsRunInline() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(64 * 64);
        Parallel.forRange(64, 1, (s, e) -> {
            for (int i = s; i < e; i++) {
                int row = i;
                Parallel.forRange(64, 1, (s2, e2) -> {
                    for (int j = s2; j < e2; j++) {
                        hits.incrementAndGet(row * 64 + j);
                    }
                });
            }
        });
        for (int i = 0; i < hits.length(); i++) {
            assertEquals(1, hits.get(i));
        }
    }

    @Test
    void exceptionsReachTheCaller() {
        Parallel.setThreads(2);
        IllegalStateException boom = new IllegalStateException("boom");
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(100, 1, (s, end) -> {
            if (s > 0) {
                throw boom;
            }
        }));
        assertSame(boom, e);
        // the pool still works afterwards
        int[] sum = new int[1];
        Parallel.forRange(100, 100, (s, end) -> sum[0] = end - s);
        assertEquals(100, sum[0]);
    }

    @Test
    void rejectsBadArguments() {
        var threads = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertEquals("threads must be at least 1, got 0", threads.getMessage());
        var grain = assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (s, e) -> { }));
        assertEquals("forRange: grain must be at least 1, got 0", grain.getMessage());
        var chunks = assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 1, 0, (s, e) -> { }));
        assertEquals("forRange: maxChunks must be at least 1, got 0", chunks.getMessage());
    }
}
