package dev.recur.loss;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.kernel.Parallel;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static dev.recur.loss.Fixtures.classes;
import static dev.recur.loss.Fixtures.logSumExp;
import static dev.recur.loss.Fixtures.oneHot;
import static dev.recur.loss.Fixtures.shape;
import static dev.recur.loss.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused sparse softmax cross-entropy against its definition as a composition of primitives
 * (log-softmax times one-hot rows, already gradient-checked), plus what fusion promises: one op
 * over the logits, rows that are masked or ignored never read, results independent of the thread
 * count, and a 10,000-class output in float32 agreeing with float64.
 */
class SparseFusedTest {

    private static final int BATCH = 3;
    private static final int TIME = 5;
    private static final int CLASSES = 11;

    @ParameterizedTest
    @EnumSource(DType.class)
    void fusedOpMatchesTheComposition(DType type) {
        SplittableRandom rng = new SplittableRandom(7);
        Tensor x = Tensor.normal(rng, DType.FLOAT64, 0, 3, BATCH, TIME, CLASSES).to(type);
        int[] targets = classes(rng, BATCH * TIME, CLASSES);
        targets[4] = -100; // ignored
        targets[7] = -100;
        Tensor mask = Tensor.full(DType.FLOAT64, 1, BATCH, TIME);
        mask.set(0, 2, 4); // the last sample is two steps shorter
        mask.set(0, 2, 3);
        Tensor sampleWeights = t(shape(BATCH), 1.0, 0.5, 2.0);
        ClassWeights classWeights = ClassWeights.of(1, 2, 0.5, 1, 1, 3, 1, 1, 0.25, 1, 1);

        Variable fusedIn = Variable.leaf(x.copy());
        Variable fused = SparseCategoricalCrossEntropy.fromLogits().withClassWeights(classWeights)
                .apply(fusedIn, targets, shape(BATCH, TIME), new Weighting(mask, sampleWeights));
        fused.backward();

        // the composition: ignored targets become masked steps, class indices become one-hot rows
        Tensor composedMask = mask.copy();
        int[] visible = targets.clone();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == -100) {
                composedMask.setFlat(i, 0);
                visible[i] = 0;
            }
        }
        Variable composedIn = Variable.leaf(x.copy());
        Variable composed = CategoricalCrossEntropy.fromLogits().withClassWeights(classWeights)
                .apply(composedIn, oneHot(visible, CLASSES, BATCH, TIME), new Weighting(composedMask, sampleWeights));
        composed.backward();

        double tol = type == DType.FLOAT64 ? 1e-12 : 2e-6;
        assertEquals(composed.value().item(), fused.value().item(), tol * Math.abs(composed.value().item()));
        assertTrue(fusedIn.grad().allClose(composedIn.grad(), tol, tol),
                () -> "max difference " + fusedIn.grad().maxAbsDiff(composedIn.grad()));
        assertEquals(type, fusedIn.grad().dtype());
    }

    /** d/dx of (logSumExp(x) - x[2]) at x = [1, 2, 3] is softmax(x) - [0, 0, 1]. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void gradientIsSoftmaxMinusOneHot(DType type) {
        Variable x = Variable.leaf(t(shape(1, 3), 1, 2, 3).to(type));
        SparseCategoricalCrossEntropy.fromLogits().apply(x, new int[]{2}, 1).backward();
        double z = Math.exp(logSumExp(1, 2, 3));
        double tol = type == DType.FLOAT64 ? 1e-15 : 1e-7;
        assertArrayEquals(new double[]{Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z - 1}, x.grad().toDoubleArray(), tol);
    }

    @Test
    void theLogitsPassThroughOneOp() {
        Tensor x = Tensor.normal(new SplittableRandom(1), DType.FLOAT64, 0, 1, 2, 3, 4);
        GradientCheck.Result r = GradientCheck.check(
                in -> SparseCategoricalCrossEntropy.fromLogits().apply(in.get(0), new int[]{0, 1, 2, 3, 0, 1}, 2, 3), x);
        assertTrue(r.passed());
        assertEquals(List.of("SparseSoftmaxCrossEntropy", "Sum", "MulScalar"), r.ops());
    }

    /** Masked and ignored rows may hold NaN or infinities (padding): loss and gradient ignore them exactly. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void maskedAndIgnoredRowsAreNeverRead(DType type) {
        Tensor dirty = t(shape(2, 2, 3), 1, 2, 3, 0, 0, 0, 3, 2, 1, 0, 0, 0).to(type);
        for (int c = 0; c < 3; c++) {
            dirty.set(Double.NaN, 0, 1, c);                    // masked step
            dirty.set(Double.POSITIVE_INFINITY, 1, 1, c);      // ignored target
        }
        Tensor mask = t(shape(2, 2), 1, 0, 1, 1);
        int[] targets = {2, 999, 0, -100}; // 999 sits under the mask: not validated
        Variable in = Variable.leaf(dirty);
        Variable loss = SparseCategoricalCrossEntropy.fromLogits().apply(in, targets, shape(2, 2), Weighting.mask(mask));
        loss.backward();
        double lse = logSumExp(1, 2, 3);
        double tol = type == DType.FLOAT64 ? 1e-12 : 1e-6;
        assertEquals(((lse - 3) + (lse - 3)) / 2, loss.value().item(), tol);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.0, in.grad().get(0, 1, c));
            assertEquals(0.0, in.grad().get(1, 1, c));
        }
        assertTrue(Double.isFinite(in.grad().sum().item()));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int before = Parallel.threads();
        try {
            for (int classes : new int[]{65, 10_000}) {
                int rows = classes == 65 ? 1_600 : 12;
                SplittableRandom rng = new SplittableRandom(classes);
                Tensor x = Tensor.normal(rng, DType.FLOAT32, 0, 2, rows, classes);
                int[] targets = classes(rng, rows, classes);
                Parallel.setThreads(1);
                Variable one = Variable.leaf(x.copy());
                Variable lossOne = SparseCategoricalCrossEntropy.fromLogits().apply(one, targets, rows);
                lossOne.backward();
                Parallel.setThreads(2);
                Variable two = Variable.leaf(x.copy());
                Variable lossTwo = SparseCategoricalCrossEntropy.fromLogits().apply(two, targets, rows);
                lossTwo.backward();
                assertEquals(lossOne.value().item(), lossTwo.value().item(), 0.0, classes + " classes");
                assertArrayEquals(one.grad().toFloatArray(), two.grad().toFloatArray(), classes + " classes");
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void tenThousandClassesInFloat32AgreeWithFloat64() {
        SplittableRandom rng = new SplittableRandom(10_000);
        Tensor x = Tensor.normal(rng, DType.FLOAT64, 0, 4, 4, 3, 10_000);
        int[] targets = classes(rng, 12, 10_000);
        Variable in64 = Variable.leaf(x.copy());
        Variable in32 = Variable.leaf(x.to(DType.FLOAT32));
        Variable loss64 = SparseCategoricalCrossEntropy.fromLogits().apply(in64, targets, 4, 3);
        Variable loss32 = SparseCategoricalCrossEntropy.fromLogits().apply(in32, targets, 4, 3);
        loss64.backward();
        loss32.backward();
        assertEquals(loss64.value().item(), loss32.value().item(), 1e-5 * loss64.value().item());
        assertTrue(in32.grad().to(DType.FLOAT64).allClose(in64.grad(), 1e-4, 1e-8),
                () -> "max difference " + in32.grad().to(DType.FLOAT64).maxAbsDiff(in64.grad()));
    }
}
