package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an optimizer treats its parameters: which it updates, which it skips, what it refuses. */
class OptimizerTest {

    @Test
    void parametersWithoutAGradientAreSkippedButTheStepIsCounted() {
        Parameter used = Grads.param("used", DType.FLOAT64, 1, 2);
        Parameter unused = Grads.param("unused", DType.FLOAT64, 3, 4);
        Optimizer opt = new Sgd(0.1, 0.9, Sgd.Variant.CLASSICAL, 0.5).build(List.of(used, unused));
        Grads.set(used, 1, 1);
        opt.step();
        assertArrayEquals(new double[]{0.85, 1.8}, used.value().toDoubleArray(), 1e-15); // 0.95 * w - 0.1
        assertArrayEquals(new double[]{3, 4}, unused.value().toDoubleArray(), 0.0); // not even weight decay
        assertArrayEquals(new double[]{0, 0}, opt.state().get("unused/momentum").toDoubleArray(), 0.0);
        assertEquals(1, opt.iterations());
        assertFalse(unused.hasGrad());
    }

    @Test
    void zeroGradForgetsEveryGradient() {
        Parameter a = Grads.param("a", DType.FLOAT32, 1);
        Parameter b = Grads.param("b", DType.FLOAT32, 2);
        Optimizer opt = Adam.defaults().build(List.of(a, b));
        Grads.set(a, 1);
        Grads.set(b, 1);
        opt.zeroGrad();
        assertFalse(a.hasGrad());
        assertFalse(b.hasGrad());
    }

    @Test
    void updatesAParameterThatIsAnOffsetViewInPlaceAndNothingAroundIt() {
        Tensor backing = Tensor.of(new float[]{10, 1, 2, 20}, 4);
        Parameter w = new Parameter("w", backing.slice(0, 1, 3)); // [2], offset 1
        Optimizer opt = new Sgd(0.5, 0, Sgd.Variant.CLASSICAL, 0).build(List.of(w));
        Grads.set(w, 2, -2);
        opt.step();
        assertArrayEquals(new float[]{10, 0, 3, 20}, backing.toFloatArray()); // [1 - 0.5 * 2, 2 + 0.5 * 2]
    }

    @Test
    void mixesFloat32AndFloat64ParametersEachWithStateOfItsOwnType() {
        Parameter f = Grads.param("f", DType.FLOAT32, 1);
        Parameter d = Grads.param("d", DType.FLOAT64, 1);
        Optimizer opt = new Sgd(0.25, 0.5, Sgd.Variant.CLASSICAL, 0).build(List.of(f, d));
        Grads.set(f, 1);
        Grads.set(d, 1);
        opt.step();
        assertEquals(0.75, f.value().getFlat(0)); // v = -0.25 * 1
        assertEquals(0.75, d.value().getFlat(0));
        assertEquals(DType.FLOAT32, opt.state().get("f/momentum").dtype());
        assertEquals(DType.FLOAT64, opt.state().get("d/momentum").dtype());
    }

    @Test
    void theLearningRateStartsFromTheConfigurationAndCanFallToZero() {
        Parameter w = Grads.param("w", DType.FLOAT64, 1);
        Optimizer opt = Adam.defaults().withLearningRate(0.02).build(List.of(w));
        assertEquals(0.02, opt.learningRate());
        opt.setLearningRate(0);
        Grads.set(w, 1);
        opt.step();
        assertEquals(1.0, w.value().getFlat(0));
    }

    @Test
    void refusesAnEmptyParameterList() {
        var e = assertThrows(IllegalArgumentException.class, () -> Adam.defaults().build(List.of()));
        assertEquals("Adam: the parameter list is empty, so there is nothing to optimize", e.getMessage());
    }

    @Test
    void refusesTwoParametersWithOneName() {
        Parameter a = Grads.param("dense/kernel", DType.FLOAT32, 1);
        Parameter b = Grads.param("dense/kernel", DType.FLOAT32, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Adagrad.defaults().build(List.of(a, b)));
        assertEquals("Adagrad: two parameters are named 'dense/kernel'; optimizer state is keyed by parameter name,"
                + " so names must be unique", e.getMessage());
    }

    @Test
    void refusesAStridedParameter() {
        Parameter w = new Parameter("w", Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3).t());
        var e = assertThrows(IllegalArgumentException.class, () -> RmsProp.defaults().build(List.of(w)));
        assertEquals("RmsProp: parameter 'w' of shape [3, 2] is a strided view, but optimizers update dense tensors"
                + " in place. Possible cause: the parameter wraps a transposed view; give it value.copy()", e.getMessage());
    }

    @Test
    void stepsAllocateNothingOnceBuilt() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        for (OptimizerConfig config : OptimizerStateTest.EVERY_SLOT) {
            for (DType dtype : DType.values()) {
                Parameter w = new Parameter("w", Tensor.zeros(dtype, 64, 32));
                Parameter b = new Parameter("b", Tensor.zeros(dtype, 32));
                Optimizer opt = config.build(List.of(w, b));
                w.backward(Tensor.full(dtype, 0.5, 64, 32));
                b.backward(Tensor.full(dtype, -0.5, 32));
                for (int i = 0; i < 200; i++) { // warm up: resolve classes, let the JIT compile
                    opt.step();
                }
                long tid = Thread.currentThread().threadId();
                long before = threads.getThreadAllocatedBytes(tid);
                for (int i = 0; i < 1000; i++) {
                    opt.step();
                }
                long allocated = threads.getThreadAllocatedBytes(tid) - before;
                // one small object per step would already be >= 16 kB
                assertTrue(allocated < 4096, config + " in " + dtype + " allocated " + allocated + " bytes in 1000 steps");
            }
        }
    }
}
