package dev.recur.nn.rnn;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.kernel.Parallel;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Dropout;
import dev.recur.nn.Embedding;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The batch-1 fast path of {@link Stepper} ({@link FusedStep}) gives exactly, bit for bit, what
 * the general path gives (the fused kernels at T = 1), with 1 and 2 kernel threads alike.
 */
class FusedStepTest {

    private static final RecurrentOptions SEQ = RecurrentOptions.DEFAULTS.withReturnSequences(true);
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** A character model: 40 and 72 units, so that blocks of 16 units split unevenly and leave tails. */
    private static Sequential charModel(RecurrentLayer first, RecurrentLayer second) {
        Sequential m = new Sequential(new Embedding(11, 6), first, new Dropout(0.5), second, new Dense(11));
        m.build(new BuildContext(DType.FLOAT32, new SplittableRandom(5)), -1);
        return m;
    }

    private static List<Sequential> models() {
        return List.of(
                charModel(new Lstm(40, SEQ), new Lstm(72, SEQ)),
                charModel(new Gru(40, SEQ), new Gru(72)),
                charModel(new SimpleRnn(40, SEQ), new SimpleRnn(72, SEQ)));
    }

    /** Logits of 12 sampling steps, each token chosen from the previous logits, fast (no grad) or general. */
    private static List<float[]> sample(Sequential model, boolean fast) {
        Stepper stepper = new Stepper(model.layers());
        List<float[]> out = new ArrayList<>();
        float token = 3;
        for (int t = 0; t < 12; t++) {
            Tensor x = Tensor.of(new float[]{token}, 1, 1);
            Tensor y;
            if (fast) {
                try (var noGrad = GradMode.noGrad()) {
                    y = stepper.step(x);
                }
            } else {
                y = stepper.step(x); // gradients on: the general path
            }
            float[] logits = y.contiguous().toFloatArray();
            out.add(logits);
            token = argmax(logits);
        }
        RecurrentLayer last = stepper.recurrentLayers().getLast();
        out.add(stepper.state(last).h().value().toFloatArray());
        return out;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    @Test
    void fastStepsEqualTheGeneralPathBitForBit() {
        for (Sequential model : models()) {
            assertNotNull(FusedStep.of(model.layers()), model.spec());
            List<float[]> general = sample(model, false);
            List<float[]> fast = sample(model, true);
            for (int t = 0; t < general.size(); t++) {
                assertArrayEquals(general.get(t), fast.get(t), model.spec() + " step " + t);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        for (Sequential model : models()) {
            Parallel.setThreads(1);
            List<float[]> one = sample(model, true);
            Parallel.setThreads(2);
            List<float[]> two = sample(model, true);
            for (int t = 0; t < one.size(); t++) {
                assertArrayEquals(one.get(t), two.get(t), model.spec() + " step " + t);
            }
        }
    }

    @Test
    void stateMovesBetweenThePaths() {
        Sequential model = charModel(new Lstm(40, SEQ), new Lstm(72, SEQ));
        Stepper a = new Stepper(model.layers());
        Stepper b = new Stepper(model.layers());
        Tensor x = Tensor.of(new float[]{4}, 1, 1);
        try (var noGrad = GradMode.noGrad()) {
            a.step(x);
            b.step(x);
        }
        a.step(x); // general path, from the state the fast path left
        RecurrentLayer first = a.recurrentLayers().getFirst();
        b.setState(first, a.state(first));
        b.setState(b.recurrentLayers().getLast(), a.state(a.recurrentLayers().getLast()));
        Tensor ya;
        Tensor yb;
        try (var noGrad = GradMode.noGrad()) {
            ya = a.step(x);
            yb = b.step(x);
        }
        assertArrayEquals(ya.toFloatArray(), yb.toFloatArray());
        a.reset();
        Stepper fresh = new Stepper(model.layers());
        try (var noGrad = GradMode.noGrad()) {
            assertArrayEquals(fresh.step(x).toFloatArray(), a.step(x).toFloatArray());
        }
    }

    @Test
    void featureInputsAndSequenceEndsTakeThePathToo() {
        Sequential model = new Sequential(new Lstm(20, SEQ), new Gru(24));
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(2)), -1, 3);
        Tensor x = Fixtures.data(DType.FLOAT32, 4, 1, 1, 3);
        Tensor general = new Stepper(model.layers()).step(x);
        Tensor fast;
        try (var noGrad = GradMode.noGrad()) {
            fast = new Stepper(model.layers()).step(x);
        }
        assertArrayEquals(general.shape(), fast.shape());
        assertArrayEquals(general.toFloatArray(), fast.toFloatArray());
    }

    @Test
    void unsupportedStacksKeepTheGeneralPath() {
        for (Layer l : List.<Layer>of(new Lstm(Lstm.CellOptions.of(4).withPeepholes(true), SEQ),
                new Gru(Gru.CellOptions.of(4).withResetAfter(false), SEQ),
                new Lstm(Lstm.CellOptions.of(4).withLayerNorm(true), SEQ))) {
            Sequential m = new Sequential(l, new Dense(2));
            m.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), -1, 3);
            assertNull(FusedStep.of(m.layers()), l.spec());
        }
        Sequential f64 = new Sequential(new Lstm(4, SEQ));
        f64.build(new BuildContext(DType.FLOAT64, new SplittableRandom(1)), -1, 3);
        assertNull(FusedStep.of(f64.layers()));
    }

    @Test
    void badTokensStillGetTheGeneralPathsError() {
        Sequential model = charModel(new Lstm(40, SEQ), new Lstm(72, SEQ));
        Stepper stepper = new Stepper(model.layers());
        try (var noGrad = GradMode.noGrad()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> stepper.step(Tensor.of(new float[]{11}, 1, 1)));
            assertEquals(true, e.getMessage().startsWith("Embedding input holds token id 11"), e.getMessage());
        }
    }
}
