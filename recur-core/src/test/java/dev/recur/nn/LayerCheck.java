package dev.recur.nn;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared helpers for layer tests: float64 builds, gradient checks through a layer, error texts. */
final class LayerCheck {

    private LayerCheck() {
    }

    /** A float64 build context with a fixed seed. */
    static BuildContext f64() {
        return new BuildContext(DType.FLOAT64, new SplittableRandom(42));
    }

    /** A float32 build context with a fixed seed. */
    static BuildContext f32() {
        return new BuildContext(DType.FLOAT32, new SplittableRandom(42));
    }

    /** Gaussian float64 data of this shape. */
    static Tensor randn(long seed, int... shape) {
        return Tensor.normal(new SplittableRandom(seed), DType.FLOAT64, 0, 1, shape);
    }

    /**
     * Finite differences against backpropagation through {@code layer} (built in float64) with
     * respect to the input {@code x} and every trainable weight; the output may have any shape.
     */
    static GradientCheck.Result assertGradients(Layer layer, Tensor x, Tensor mask) {
        Variable input = Variable.leaf(x.copy());
        return assertGradients(layer.type(), () -> layer.forward(new Masked(input, mask), Context.inference()).value(),
                input, layer);
    }

    /** As above for a loss built by {@code f}, with respect to {@code input} (or not, if null) and the layer's weights. */
    static GradientCheck.Result assertGradients(String what, Supplier<Variable> f, Variable input, Layer layer) {
        List<Variable> wrt = new ArrayList<>();
        if (input != null) {
            wrt.add(input);
        }
        wrt.addAll(layer.parameters());
        GradientCheck.Result r = GradientCheck.assertPasses(what, f, wrt);
        int expected = (input == null ? 0 : input.value().size()) + (int) layer.countTrainableParams();
        if (r.checked() != expected) {
            throw new AssertionError(what + ": checked " + r.checked() + " entries, expected " + expected);
        }
        return r;
    }

    /** The message of the IllegalArgumentException {@code call} throws. */
    static String error(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    /** The message of the IllegalStateException {@code call} throws. */
    static String stateError(Executable call) {
        return assertThrows(IllegalStateException.class, call).getMessage();
    }
}
