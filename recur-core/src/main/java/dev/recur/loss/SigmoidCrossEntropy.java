package dev.recur.loss;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.function.DoubleBinaryOperator;

/**
 * Binary cross-entropy of logits, elementwise:
 * {@code y = max(x, 0) - x z + log(1 + exp(-|x|))}, which equals
 * {@code -z log(sigmoid(x)) - (1 - z) log(1 - sigmoid(x))} but never overflows (TensorFlow's
 * {@code sigmoid_cross_entropy_with_logits}, PyTorch's {@code BCEWithLogitsLoss}). One op rather
 * than a composition so that the gradient is exact at {@code x = 0}, where {@code max} and
 * {@code |x|} have kinks. The targets z are data and receive no gradient.
 */
final class SigmoidCrossEntropy extends Op {

    private final Tensor z; // the logits' shape and type

    private SigmoidCrossEntropy(Variable logits, Tensor z) {
        super(logits);
        this.z = z;
    }

    static Variable apply(Variable logits, Tensor z) {
        Tensor y = map(logits.value(), z, (x, t) -> Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x))));
        return new SigmoidCrossEntropy(logits, z).output(y);
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * (sigmoid(x) - z)
        accumulate(0, input(0).value().sigmoid().sub(z).mul(dOut));
    }

    /** {@code out[i] = f(a[i], b[i])} for two tensors of one shape and type, computed in double. */
    private static Tensor map(Tensor a, Tensor b, DoubleBinaryOperator f) {
        Tensor ca = a.contiguous();
        Tensor cb = b.contiguous();
        Tensor out = Tensor.zeros(a.dtype(), a.shape());
        int n = out.size();
        if (a.dtype() == DType.FLOAT32) {
            float[] x = ca.floats();
            float[] y = cb.floats();
            float[] o = out.floats();
            for (int i = 0; i < n; i++) {
                o[i] = (float) f.applyAsDouble(x[ca.offset() + i], y[cb.offset() + i]);
            }
        } else {
            double[] x = ca.doubles();
            double[] y = cb.doubles();
            double[] o = out.doubles();
            for (int i = 0; i < n; i++) {
                o[i] = f.applyAsDouble(x[ca.offset() + i], y[cb.offset() + i]);
            }
        }
        return out;
    }
}
