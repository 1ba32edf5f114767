package dev.recur.autodiff;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackpropTest {

    private static Variable leaf(double... values) {
        return Variable.leaf(Tensor.of(values, values.length));
    }

    @Test
    void gradientsAccumulateAcrossTwoBackwardCallsOnOneGraph() {
        Variable x = leaf(1, 2, 3);
        Variable loss = x.mul(x).tanh().sum(); // intermediate results on the way
        loss.backward();
        double[] once = x.grad().toDoubleArray();
        loss.backward();
        double[] twice = x.grad().toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(2 * once[i], twice[i], 1e-15); // not 3x: intermediate gradients are not kept
        }
    }

    @Test
    void gradientsAccumulateAcrossTwoGraphsUntilZeroGrad() {
        Variable x = leaf(1, 2, 3);
        x.mul(Variable.constant(Tensor.of(new double[]{2, 2, 2}, 3))).sum().backward(); // d = 2
        x.square().sum().backward(); // d = 2x
        assertArrayEquals(new double[]{4, 6, 8}, x.grad().toDoubleArray());
        x.zeroGrad();
        assertArrayEquals(new double[]{0, 0, 0}, x.grad().toDoubleArray());
    }

    @Test
    void intermediateResultsDoNotKeepGradients() {
        Variable x = leaf(0.5);
        Variable h = x.tanh();
        h.mul(h).sum().backward();
        assertEquals(0.0, h.grad().item()); // like PyTorch's non-leaf tensors
        double t = Math.tanh(0.5);
        assertEquals(2 * t * (1 - t * t), x.grad().item(), 1e-15);
    }

    @Test
    void aValueUsedTwiceGetsTheSumOfBothPaths() {
        Variable x = leaf(3);
        Variable y = x.mul(x).add(x.exp()); // paths: x*x (twice) and exp
        y.sum().backward();
        assertEquals(2 * 3 + Math.exp(3), x.grad().item(), 1e-12);
        Variable z = leaf(2);
        Variable shared = z.square(); // one node feeding two consumers
        shared.add(shared.mul(shared)).sum().backward(); // s + s^2, s = z^2: d/dz = (1 + 2s) 2z
        assertEquals((1 + 2 * 4) * 2 * 2, z.grad().item(), 1e-12);
    }

    @Test
    void deepChainBackpropagatesWithoutRecursion() throws InterruptedException {
        // 20,000 sequential adds, run on a thread with a small stack: a recursive sweep would overflow it
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Double> grad = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Variable x = leaf(1);
                Variable v = x;
                for (int i = 0; i < 20_000; i++) {
                    v = v.add(x);
                }
                v.sum().backward();
                grad.set(x.grad().item());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deep-chain", 256 * 1024);
        t.start();
        t.join();
        assertNull(failure.get(), () -> "failed with " + failure.get());
        assertEquals(20_001.0, grad.get());
    }

    @Test
    void multiOutputFunctionGetsGradientsForBothOutputs() {
        GradientCheck.assertPasses("two outputs, both used", in -> {
            Variable[] ys = TwoOutputs.apply(in.get(0));
            return ys[0].mul(ys[1]).add(ys[1].tanh());
        }, Tensor.of(new double[]{0.5, -1.5, 2}, 3));
    }

    @Test
    void unusedOutputReceivesZeros() {
        Variable x = leaf(1, -2);
        Variable[] ys = TwoOutputs.apply(x);
        TwoOutputs f = (TwoOutputs) ys[0].creator();
        assertSame(f, ys[1].creator());
        ys[0].sum().backward();
        assertArrayEquals(new double[]{0, 0}, f.received[1].toDoubleArray());
        assertArrayEquals(new int[]{2}, f.received[1].shape());
        assertArrayEquals(new double[]{1, 1}, f.received[0].toDoubleArray());
        assertArrayEquals(new double[]{2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void backwardOfAWrongShapeNamesTheOp() {
        Variable x = leaf(1, 2);
        var e = assertThrows(IllegalStateException.class, () -> BadShapes.extraDimension(x).sum().backward());
        assertEquals("ExtraDimension.backward: the gradient for input 0 has shape [1, 2] (float64) but the input has"
                + " shape [2] (float64); a backward pass must give each input a gradient of its own shape", e.getMessage());
        Variable m = Variable.leaf(Tensor.zeros(DType.FLOAT64, 2, 3));
        var r = assertThrows(IllegalStateException.class, () -> BadShapes.wrongRegion(m).sum().backward());
        assertEquals("WrongRegion.backward: the gradient for input 0 has shape [2, 3] (float64) but its region of the"
                + " input's gradient has shape [3] (float64); a backward pass must give each input a gradient of its own"
                + " shape", r.getMessage());
    }

    @Test
    void failedSweepLeavesNoStaleIntermediateGradients() {
        Variable x = leaf(1, 2);
        Variable h = x.mul(x);
        Variable bad = BadShapes.extraDimension(h);
        assertThrows(IllegalStateException.class, () -> bad.sum().backward());
        assertEquals(0.0, h.grad().sum().item());
        x.zeroGrad();
        h.sum().backward();
        assertArrayEquals(new double[]{2, 4}, x.grad().toDoubleArray());
    }

    @Test
    void backwardNeedsAScalarOrAMatchingSeed() {
        Variable y = leaf(1, 2).tanh();
        var scalar = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("backward() needs a scalar (a loss) but this value has shape [2]; reduce it first (sum(), mean())"
                + " or pass a seed gradient with backward(Tensor)", scalar.getMessage());
        var seed = assertThrows(IllegalArgumentException.class, () -> y.backward(Tensor.zeros(DType.FLOAT32, 2)));
        assertEquals("backward(seed): the seed has shape [2] (float32) but this value has shape [2] (float64)", seed.getMessage());
        Variable x = leaf(0.5, 1);
        x.tanh().backward(Tensor.of(new double[]{1, 0}, 2)); // a vector-Jacobian product
        assertEquals(1 - Math.pow(Math.tanh(0.5), 2), x.grad().getFlat(0), 1e-15);
        assertEquals(0.0, x.grad().getFlat(1));
    }

    @Test
    void backwardOfALeafSeedsItsOwnGradient() {
        Variable x = leaf(5);
        x.backward();
        assertEquals(1.0, x.grad().item());
    }
}
