package dev.recur.train;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Streams are functions of (seed, purpose, counters): reproducible, and different wherever a counter differs. */
class RandomStreamsTest {

    @Test
    void aStreamDependsOnlyOnItsSeedPurposeAndCounters() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        a.dropout(3, 5).nextLong(); // drawing from one stream does not move another
        assertEquals(a.dropout(3, 5).nextLong(), b.dropout(3, 5).nextLong());
        assertEquals(a.init().nextDouble(), b.init().nextDouble());
        assertArrayEquals(a.permutation(2, 50), b.permutation(2, 50));
    }

    @Test
    void neighbouringCountersSeedsAndPurposesGiveUnrelatedStreams() {
        RandomStreams s = new RandomStreams(42);
        Set<Long> firsts = new HashSet<>();
        for (int e = 0; e < 20; e++) {
            for (int b = 0; b < 20; b++) {
                firsts.add(s.dropout(e, b).nextLong());
            }
            firsts.add(s.shuffle(e).nextLong());
        }
        firsts.add(s.init().nextLong());
        firsts.add(new RandomStreams(43).init().nextLong());
        assertEquals(20 * 20 + 20 + 2, firsts.size(), "every stream starts differently");
        assertNotEquals(s.dropout(1, 0).nextLong(), s.dropout(0, 1).nextLong(), "counters are not summed");
    }

    @Test
    void permutationsArePermutationsAndDifferByEpoch() {
        RandomStreams s = new RandomStreams(7);
        int[] p0 = s.permutation(0, 100);
        int[] p1 = s.permutation(1, 100);
        int[] sorted = p0.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
        assertNotEquals(Arrays.toString(p0), Arrays.toString(p1));
    }

    @Test
    void theMixIsSplitMix64() {
        // the first output of the reference splitmix64.c seeded with 0 is mix(0 + golden gamma)
        assertEquals(0xE220A8397B1DCDAFL, RandomStreams.mix(0x9E3779B97F4A7C15L));
    }

    @Test
    void theDerivationIsPinned() {
        // Values recorded from this implementation. If this test fails, every seeded run changed:
        // old seeds no longer reproduce old results. Change the derivation only on purpose.
        assertArrayEquals(new int[]{8, 7, 5, 0, 3, 4, 6, 9, 2, 1}, new RandomStreams(0).permutation(0, 10));
        assertEquals(-3800615686769402980L, new RandomStreams(42).dropout(1, 2).nextLong());
    }
}
