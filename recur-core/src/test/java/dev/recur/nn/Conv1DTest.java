package dev.recur.nn;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Conv1DTest {

    /** Keras's conv_output_length, written independently of Padding. */
    private static int kerasLength(int steps, int kernel, String padding, int stride, int dilation) {
        int dilated = kernel + (kernel - 1) * (dilation - 1);
        int length = padding.equals("valid") ? steps - dilated + 1 : steps;
        return (length + stride - 1) / stride;
    }

    /** TensorFlow's left padding: causal pads the whole window, same half of what is missing (the extra on the right). */
    private static int kerasPadLeft(int steps, int kernel, String padding, int stride, int dilation) {
        int dilated = dilation * (kernel - 1) + 1;
        return switch (padding) {
            case "causal" -> dilated - 1;
            case "same" -> Math.max((kerasLength(steps, kernel, padding, stride, dilation) - 1) * stride + dilated - steps, 0) / 2;
            default -> 0;
        };
    }

    /** The convolution by its definition, one multiply-add at a time. */
    private static Tensor direct(Tensor x, Tensor kernel, Tensor bias, String padding, int stride, int dilation) {
        int batch = x.dim(0), steps = x.dim(1), channels = x.dim(2);
        int k = kernel.dim(0), filters = kernel.dim(2);
        int out = kerasLength(steps, k, padding, stride, dilation);
        int pad = kerasPadLeft(steps, k, padding, stride, dilation);
        Tensor y = Tensor.zeros(DType.FLOAT64, batch, out, filters);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int f = 0; f < filters; f++) {
                    double s = bias.get(f);
                    for (int j = 0; j < k; j++) {
                        int t = o * stride + j * dilation - pad;
                        for (int c = 0; t >= 0 && t < steps && c < channels; c++) {
                            s += x.get(b, t, c) * kernel.get(j, c, f);
                        }
                    }
                    y.set(s, b, o, f);
                }
            }
        }
        return y;
    }

    private static Conv1D conv(int filters, int kernel, int stride, String padding, int dilation) {
        return new Conv1D(filters, kernel, stride, Padding.fromKeras(padding), dilation, Activation.LINEAR, true);
    }

    @ParameterizedTest(name = "T={0} k={1} {2} s={3} d={4}")
    @CsvSource({
            "10, 3, valid, 1, 1", "10, 3, same, 1, 1", "10, 3, causal, 1, 1",
            "10, 3, valid, 2, 1", "10, 3, same, 2, 1", "10, 3, causal, 2, 1",
            "10, 3, valid, 1, 2", "10, 3, same, 1, 2", "10, 3, causal, 1, 3",
            "9, 4, same, 3, 1", "7, 2, same, 1, 1", "5, 1, valid, 1, 1", "1, 3, causal, 1, 1",
            "3, 3, valid, 1, 1", "11, 2, valid, 3, 2", "6, 5, same, 2, 2"})
    void matchesTheDefinitionAndKerasLengths(int steps, int k, String padding, int stride, int dilation) {
        Conv1D c = conv(4, k, stride, padding, dilation);
        int expectedLength = kerasLength(steps, k, padding, stride, dilation);
        assertArrayEquals(new int[]{expectedLength, 4}, c.build(f64(), steps, 3));
        c.weights().get(1).value().copyFrom(randn(11, 4)); // a bias that is not zero
        Tensor x = randn(5, 2, steps, 3);
        Tensor y = c.forward(Masked.of(x), Context.inference()).value().value();
        Tensor expected = direct(x, c.weights().get(0).value(), c.weights().get(1).value(), padding, stride, dilation);
        assertArrayEquals(expected.shape(), y.shape());
        assertTrue(y.maxAbsDiff(expected) < 1e-12, "differs by " + y.maxAbsDiff(expected));
    }

    @Test
    void goldenValuesWithAKernelOfOnes() {
        // x = 1, 2, 3, 4 with a kernel [1, 1]: valid sums neighbours, causal adds a zero before, same one after
        Tensor x = Tensor.of(new double[]{1, 2, 3, 4}, 1, 4, 1);
        String[][] cases = {{"valid", "3 5 7"}, {"causal", "1 3 5 7"}, {"same", "3 5 7 4"}};
        for (String[] c : cases) {
            Conv1D conv = conv(1, 2, 1, c[0], 1);
            conv.build(f64(), 4, 1);
            conv.weights().get(0).value().fill(1.0);
            Tensor y = conv.forward(Masked.of(x), Context.inference()).value().value();
            String got = String.join(" ", java.util.Arrays.stream(y.toDoubleArray()).mapToObj(v -> Long.toString(Math.round(v))).toList());
            assertEquals(c[1], got, c[0]);
        }
    }

    @Test
    void causalOutputsNeverSeeTheFuture() {
        Conv1D c = conv(3, 3, 1, "causal", 2);
        c.build(f64(), 12, 2);
        Tensor x = randn(1, 1, 12, 2);
        Tensor before = c.forward(Masked.of(x), Context.inference()).value().value();
        Tensor changed = x.copy();
        changed.set(99.0, 0, 7, 1);
        Tensor after = c.forward(Masked.of(changed), Context.inference()).value().value();
        assertEquals(0.0, before.slice(1, 0, 7).maxAbsDiff(after.slice(1, 0, 7)));
        assertTrue(before.slice(1, 7, 8).maxAbsDiff(after.slice(1, 7, 8)) > 0);
    }

    @ParameterizedTest(name = "{1} s={2} d={3}")
    @CsvSource({"5, valid, 1, 1", "5, same, 2, 1", "6, causal, 1, 2", "1, causal, 1, 1", "4, same, 1, 2"})
    void gradientsForInputsKernelAndBias(int steps, String padding, int stride, int dilation) {
        Conv1D c = new Conv1D(2, 2, stride, Padding.fromKeras(padding), dilation, Activation.TANH, true);
        c.build(f64(), steps, 3);
        LayerCheck.assertGradients(c, randn(2, 2, steps, 3), null);
        Conv1D one = conv(2, 3, 1, padding, 1); // batch 1
        one.build(f64(), -1, 2);
        LayerCheck.assertGradients(one, randn(3, 1, Math.max(steps, 3), 2), null);
    }

    @Test
    void patchOpGradient() {
        GradientCheck.assertPasses("Im2Col1D", in -> Im2Col1D.apply(in.get(0), 3, 2, 2, 2, 4), randn(4, 2, 7, 3));
        Tensor cols = Im2Col1D.apply(Variable.constant(Tensor.of(new double[]{1, 2, 3}, 1, 3, 1)), 2, 1, 1, 1, 3).value();
        assertArrayEquals(new double[]{0, 1, 1, 2, 2, 3}, cols.toDoubleArray()); // causal patches of k = 2
    }

    @Test
    void float32MatchesFloat64() {
        Conv1D c64 = conv(8, 3, 1, "same", 1);
        Conv1D c32 = conv(8, 3, 1, "same", 1);
        c64.build(f64(), 20, 4);
        c32.build(LayerCheck.f32(), 20, 4);
        Tensor x = randn(6, 3, 20, 4);
        Tensor y64 = c64.forward(Masked.of(x), Context.inference()).value().value();
        Tensor y32 = c32.forward(Masked.of(x.to(DType.FLOAT32)), Context.inference()).value().value();
        assertTrue(y32.to(DType.FLOAT64).allClose(y64, 1e-5, 1e-5));
    }

    @Test
    void kerasParameterCount() {
        assertEquals(400, LayerRegistry.parseModel("Input(10, 8) Conv1D(16, 3)").build(f64()).countParams()); // 3*8*16 + 16
        Conv1D c = new Conv1D(32, 5, 1, Padding.VALID, 1, Activation.RELU, false);
        c.build(f64(), -1, 8);
        assertEquals(1280, c.countParams());
        assertArrayEquals(new int[]{5, 8, 32}, c.weights().get(0).value().shape());
        assertEquals("conv1d/kernel", c.weights().get(0).name());
    }

    @Test
    void dropsTheMask() {
        Conv1D c = new Conv1D(2, 2);
        c.build(f64(), 3, 1);
        Masked in = new Masked(Variable.constant(randn(1, 1, 3, 1)), Tensor.of(new double[]{1, 1, 0}, 1, 3));
        assertNull(c.forward(in, Context.inference()).mask());
    }

    @Test
    void errors() {
        assertEquals("Conv1D needs filters, kernel_size, strides and dilation_rate of at least 1, got filters 4, kernel_size 0,"
                + " strides 1, dilation_rate 1", error(() -> new Conv1D(4, 0)));
        assertEquals("Conv1D input has 4 steps but kernel_size 3 with dilation_rate 2 spans 5 steps (input shape (None, 4, 2))."
                        + " Possible cause: sequences shorter than the kernel; use padding=same or padding=causal",
                error(() -> conv(1, 3, 1, "valid", 2).build(f64(), 4, 2)));
        Conv1D c = new Conv1D(1, 3);
        c.build(f64(), -1, 2);
        assertEquals("Conv1D input has 2 steps but kernel_size 3 with dilation_rate 1 spans 3 steps (input shape [5, 2, 2])."
                        + " Possible cause: sequences shorter than the kernel; use padding=same or padding=causal",
                error(() -> c.forward(Masked.of(Tensor.zeros(DType.FLOAT64, 5, 2, 2)), Context.inference())));
        assertEquals("Conv1D input has 3 features per step but the layer was built for 2 (input shape [5, 4, 3]).",
                error(() -> c.forward(Masked.of(Tensor.zeros(DType.FLOAT64, 5, 4, 3)), Context.inference())));
        assertEquals("Conv1D needs sequences [batch, time, channels] with known channels, but the input shape is (None, 8)",
                error(() -> new Conv1D(1, 3).build(f64(), 8)));
        assertEquals("unknown padding 'full'; valid: valid, same, causal", error(() -> Padding.fromKeras("full")));
    }
}
