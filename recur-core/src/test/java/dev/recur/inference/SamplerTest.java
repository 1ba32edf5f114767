package dev.recur.inference;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {

    private static final float[] LOGITS = {0.5f, 2.0f, -1.0f, 1.5f, 0.0f, 1.0f}; // order: 1, 3, 5, 0, 4, 2

    @Test
    void greedyPicksTheArgMaxAndTheFirstOnTies() {
        assertEquals(1, Sampler.greedy().sample(LOGITS, null));
        assertEquals(2, Sampler.greedy().sample(new float[]{0f, 1f, 3f, 3f}, null));
        assertArrayEquals(new double[]{0, 1, 0, 0, 0, 0}, Sampler.greedy().distribution(LOGITS));
    }

    @Test
    void temperatureOneIsTheSoftmax() {
        double[] p = Sampler.temperature(1.0).distribution(LOGITS);
        double z = 0;
        for (float l : LOGITS) {
            z += Math.exp(l);
        }
        for (int i = 0; i < LOGITS.length; i++) {
            assertEquals(Math.exp(LOGITS[i]) / z, p[i], 1e-12);
        }
    }

    @Test
    void lowTemperatureTendsToGreedyAndHighToUniform() {
        double[] cold = Sampler.temperature(1e-3).distribution(LOGITS);
        assertEquals(1.0, cold[1], 1e-12);
        double[] hot = Sampler.temperature(1e6).distribution(LOGITS);
        for (double v : hot) {
            assertEquals(1.0 / LOGITS.length, v, 1e-5);
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            assertEquals(1, Sampler.temperature(1e-3).sample(LOGITS, r));
        }
    }

    @Test
    void topKNeverEmitsOutsideTheKMostLikely() {
        Sampler s = Sampler.temperature(5.0).withTopK(3);
        double[] p = s.distribution(LOGITS);
        assertEquals(0, p[0] + p[2] + p[4]);
        assertEquals(1, p[1] + p[3] + p[5], 1e-12);
        SplittableRandom r = new SplittableRandom(7);
        boolean[] seen = new boolean[LOGITS.length];
        for (int i = 0; i < 2000; i++) {
            seen[s.sample(LOGITS, r)] = true;
        }
        assertArrayEquals(new boolean[]{false, true, false, true, false, true}, seen);
        assertEquals(1, Sampler.temperature(1).withTopK(1).sample(LOGITS, r), "top-1 is greedy");
    }

    @Test
    void topPKeepsTheSmallestSetReachingTheMass() {
        float[] logits = {(float) Math.log(0.1), (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.1)};
        double[] p = Sampler.temperature(1).withTopP(0.7).distribution(logits);
        assertArrayEquals(new double[]{0, 0.5 / 0.8, 0.3 / 0.8, 0}, p, 1e-6);
        double[] justHalf = Sampler.temperature(1).withTopP(0.5).distribution(logits);
        assertArrayEquals(new double[]{0, 1, 0, 0}, justHalf, 1e-6, "0.5 is reached by the first token alone");
        double[] all = Sampler.temperature(1).withTopP(1.0).distribution(logits);
        assertEquals(0.1, all[3], 1e-6);
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            int t = Sampler.temperature(1).withTopP(0.7).sample(logits, r);
            assertTrue(t == 1 || t == 2, "sampled " + t);
        }
    }

    @Test
    void samplingFollowsTheDistribution() {
        Sampler s = Sampler.temperature(0.7).withTopK(4);
        double[] p = s.distribution(LOGITS);
        int[] counts = new int[LOGITS.length];
        SplittableRandom r = new SplittableRandom(1);
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts[s.sample(LOGITS, r)]++;
        }
        for (int i = 0; i < LOGITS.length; i++) {
            assertEquals(p[i], counts[i] / (double) n, 0.01, "token " + i);
        }
    }

    @Test
    void aSeedReproducesTheSequence() {
        Sampler s = Sampler.temperature(1.2).withTopP(0.9);
        int[] a = draws(s, 42).toArray();
        int[] b = draws(s, 42).toArray();
        int[] c = draws(s, 43).toArray();
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c), "another seed gives another sequence");
    }

    private static IntStream draws(Sampler s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return IntStream.range(0, 100).map(i -> s.sample(LOGITS, r));
    }

    @Test
    void badSettingsAreRefusedWithTheFix() {
        assertEquals("Sampler: temperature must be a finite number > 0 but got 0.0; use Sampler.greedy() for the limit"
                + " temperature -> 0", assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(-1)).getMessage()
                .contains("got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(Double.NaN)).getMessage()
                .contains("got NaN"));
        assertEquals("Sampler: topK must be at least 1 but got 0; it is the number of most likely tokens kept (1 is greedy)",
                assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(1).withTopK(0)).getMessage());
        assertEquals("Sampler: topP must be in (0, 1] but got 0.0; it is the probability mass of the most likely tokens"
                + " kept (1 keeps all)", assertThrows(IllegalArgumentException.class,
                () -> Sampler.temperature(1).withTopP(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(1).withTopP(1.5)).getMessage()
                .contains("got 1.5"));
        assertEquals("Sampler: the logits row is empty; it needs one value per token",
                assertThrows(IllegalArgumentException.class, () -> Sampler.greedy().sample(new float[0], null)).getMessage());
        assertEquals("Sampler: logit 1 is NaN; logits must be finite or -Infinity. Possible cause: the model diverged (NaN"
                + " weights)", assertThrows(IllegalArgumentException.class,
                () -> Sampler.temperature(1).sample(new float[]{0, Float.NaN}, new SplittableRandom(0))).getMessage());
    }

    @Test
    void logitsOfProbabilitiesGiveTheSameDistribution() {
        float[] probs = {0.2f, 0.5f, 0.0f, 0.3f};
        double[] p = Sampler.temperature(1).distribution(Sampler.logitsOf(probs));
        assertArrayEquals(new double[]{0.2, 0.5, 0, 0.3}, p, 1e-6);
    }
}
