package dev.recur.autodiff.ops;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise loops that the kernels do not provide (powers, masks at kinks, selection), in
 * float32 and float64. Computed in double precision, rounded once to the tensor's type. Only
 * for ops off the hot path: the common ones run on {@link dev.recur.kernel.Kernels}.
 */
final class Pointwise {

    private Pointwise() {
    }

    /** {@code y[i] = f(x[i])}, a new dense tensor of x's shape and type. */
    static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Tensor cx = x.contiguous();
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        int n = out.size();
        int o = cx.offset();
        if (x.dtype() == DType.FLOAT32) {
            float[] src = cx.floats();
            float[] dst = out.floats();
            for (int i = 0; i < n; i++) {
                dst[i] = (float) f.applyAsDouble(src[o + i]);
            }
        } else {
            double[] src = cx.doubles();
            double[] dst = out.doubles();
            for (int i = 0; i < n; i++) {
                dst[i] = f.applyAsDouble(src[o + i]);
            }
        }
        return out;
    }

    /** {@code y[i] = f(a[i], b[i])} for two tensors of one shape and type. */
    static Tensor map(Tensor a, Tensor b, DoubleBinaryOperator f) {
        Tensor ca = a.contiguous();
        Tensor cb = b.contiguous();
        Tensor out = Tensor.zeros(a.dtype(), a.shape());
        int n = out.size();
        int oa = ca.offset();
        int ob = cb.offset();
        if (a.dtype() == DType.FLOAT32) {
            float[] x = ca.floats();
            float[] y = cb.floats();
            float[] dst = out.floats();
            for (int i = 0; i < n; i++) {
                dst[i] = (float) f.applyAsDouble(x[oa + i], y[ob + i]);
            }
        } else {
            double[] x = ca.doubles();
            double[] y = cb.doubles();
            double[] dst = out.doubles();
            for (int i = 0; i < n; i++) {
                dst[i] = f.applyAsDouble(x[oa + i], y[ob + i]);
            }
        }
        return out;
    }

    /** {@code y[i] = mask[i] != 0 ? a[i] : b[i]} for three tensors of one shape and type. */
    static Tensor select(Tensor mask, Tensor a, Tensor b) {
        Tensor m = mask.contiguous();
        Tensor ca = a.contiguous();
        Tensor out = b.copy(); // dense, offset 0
        int n = out.size();
        int om = m.offset();
        int oa = ca.offset();
        if (a.dtype() == DType.FLOAT32) {
            float[] keep = m.floats();
            float[] x = ca.floats();
            float[] dst = out.floats();
            for (int i = 0; i < n; i++) {
                if (keep[om + i] != 0f) {
                    dst[i] = x[oa + i];
                }
            }
        } else {
            double[] keep = m.doubles();
            double[] x = ca.doubles();
            double[] dst = out.doubles();
            for (int i = 0; i < n; i++) {
                if (keep[om + i] != 0.0) {
                    dst[i] = x[oa + i];
                }
            }
        }
        return out;
    }

    /** {@code x} repeated along broadcast dimensions to {@code shape}, as a dense tensor. */
    static Tensor broadcastTo(Tensor x, int[] shape) {
        return x.hasShape(shape) ? x : Tensor.zeros(x.dtype(), shape).add(x);
    }

    /** 1 where a > b, 1/2 where a == b, 0 where a < b: the share of a max's gradient that goes to a. */
    static double winnerShare(double a, double b) {
        return a > b ? 1.0 : a == b ? 0.5 : 0.0;
    }
}
