package dev.recur.tensor;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Unary;

import java.util.Arrays;

/** Elementwise operations with NumPy broadcasting, dispatched to the kernels' fast cases. */
final class Elementwise {

    private Elementwise() {
    }

    static Tensor unary(Unary f, Tensor x) {
        Tensor src = x.contiguous();
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        Kernels k = Backend.kernels();
        if (x.dtype() == DType.FLOAT32) {
            k.unary(f, src.floats(), src.offset(), out.floats(), 0, out.size());
        } else {
            k.unary(f, src.doubles(), src.offset(), out.doubles(), 0, out.size());
        }
        return out;
    }

    static Tensor binary(String op, Binary f, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": element types differ (" + a.dtype() + " " + a.shapeString()
                    + " and " + b.dtype() + " " + b.shapeString() + "); convert one with to(DType)");
        }
        int[] sa = a.shape();
        int[] sb = b.shape();
        int[] shape = Shapes.broadcast(op, sa, sb);
        Tensor out = Tensor.zeros(a.dtype(), shape);
        int n = out.size();
        if (n == 0) {
            return out;
        }
        Kernels k = Backend.kernels();
        boolean f32 = a.dtype() == DType.FLOAT32;
        if (Arrays.equals(sa, sb)) {
            Tensor ca = a.contiguous();
            Tensor cb = b.contiguous();
            if (f32) {
                k.binary(f, ca.floats(), ca.offset(), cb.floats(), cb.offset(), out.floats(), 0, n);
            } else {
                k.binary(f, ca.doubles(), ca.offset(), cb.doubles(), cb.offset(), out.doubles(), 0, n);
            }
            return out;
        }
        if (Arrays.equals(sa, shape) && isTrailing(sb, shape)) {
            // the common bias case: b broadcasts along leading dimensions of a
            Tensor ca = a.contiguous();
            Tensor cb = b.contiguous();
            int cols = cb.size();
            if (f32) {
                k.binaryRow(f, ca.floats(), ca.offset(), cb.floats(), cb.offset(), out.floats(), 0, n / cols, cols);
            } else {
                k.binaryRow(f, ca.doubles(), ca.offset(), cb.doubles(), cb.offset(), out.doubles(), 0, n / cols, cols);
            }
            return out;
        }
        general(f, a, b, out);
        return out;
    }

    /** Whether {@code small} equals the trailing dimensions of {@code shape} (ignoring leading 1s). */
    private static boolean isTrailing(int[] small, int[] shape) {
        int lead = 0;
        while (lead < small.length && small[lead] == 1) {
            lead++;
        }
        int len = small.length - lead;
        if (len == 0 || len > shape.length) {
            return false; // a scalar-like operand takes the general path
        }
        for (int i = 0; i < len; i++) {
            if (small[lead + i] != shape[shape.length - len + i]) {
                return false;
            }
        }
        return true;
    }

    /** Any broadcast: walks the output in row-major order with stride 0 on stretched dimensions. */
    private static void general(Binary f, Tensor a, Tensor b, Tensor out) {
        int[] shape = out.shape();
        int rank = shape.length;
        int[] stA = broadcastStrides(a, rank);
        int[] stB = broadcastStrides(b, rank);
        int[] idx = new int[rank];
        int ia = a.offset();
        int ib = b.offset();
        boolean f32 = a.dtype() == DType.FLOAT32;
        float[] af = f32 ? a.floats() : null, bf = f32 ? b.floats() : null, of = f32 ? out.floats() : null;
        double[] ad = f32 ? null : a.doubles(), bd = f32 ? null : b.doubles(), od = f32 ? null : out.doubles();
        for (int i = 0, n = out.size(); i < n; i++) {
            if (f32) {
                of[i] = f.apply(af[ia], bf[ib]);
            } else {
                od[i] = f.apply(ad[ia], bd[ib]);
            }
            for (int dim = rank - 1; dim >= 0; dim--) { // odometer increment
                idx[dim]++;
                ia += stA[dim];
                ib += stB[dim];
                if (idx[dim] < shape[dim]) {
                    break;
                }
                ia -= stA[dim] * shape[dim];
                ib -= stB[dim] * shape[dim];
                idx[dim] = 0;
            }
        }
    }

    private static int[] broadcastStrides(Tensor t, int rank) {
        int[] s = t.shape();
        int[] st = t.strides();
        int[] out = new int[rank];
        for (int i = 0; i < s.length; i++) {
            out[rank - s.length + i] = s[i] == 1 ? 0 : st[i];
        }
        return out;
    }
}
