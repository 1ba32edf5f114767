package dev.recur.tensor;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Unary;

import java.util.Arrays;

/** Elementwise operations with NumPy broadcasting, dispatched to the kernels' fast cases. */
final class Elementwise {

    /** The shortest last dimension the broadcast path hands to the kernels run by run. */
    private static final int MIN_RUN = 8;

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
        general(k, f, a, b, out);
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

    /**
     * Any broadcast: walks the output in row-major order with stride 0 on stretched dimensions. When
     * the last dimension is long enough, each run along it is one kernel call (an operand stretched
     * along it is first repeated into a scratch run), so broadcasts such as {@code [B, T, 1, d] + [B, 1, S, d]}
     * run at kernel speed.
     */
    private static void general(Kernels k, Binary f, Tensor a, Tensor b, Tensor out) {
        int[] shape = out.shape();
        int rank = shape.length;
        int[] stA = broadcastStrides(a, rank);
        int[] stB = broadcastStrides(b, rank);
        int run = shape[rank - 1];
        boolean runs = run >= MIN_RUN && stA[rank - 1] <= 1 && stB[rank - 1] <= 1;
        int inner = runs ? rank - 1 : rank; // dimensions the odometer walks
        boolean f32 = a.dtype() == DType.FLOAT32;
        float[] af = f32 ? a.floats() : null, bf = f32 ? b.floats() : null, of = f32 ? out.floats() : null;
        double[] ad = f32 ? null : a.doubles(), bd = f32 ? null : b.doubles(), od = f32 ? null : out.doubles();
        float[] sf = runs && f32 ? new float[run] : null; // a stretched operand's run
        double[] sd = runs && !f32 ? new double[run] : null;
        int[] idx = new int[rank];
        int ia = a.offset();
        int ib = b.offset();
        int step = runs ? run : 1;
        for (int i = 0, n = out.size(); i < n; i += step) {
            if (!runs) {
                if (f32) {
                    of[i] = f.apply(af[ia], bf[ib]);
                } else {
                    od[i] = f.apply(ad[ia], bd[ib]);
                }
            } else if (f32) {
                run(k, f, af, ia, stA[rank - 1] == 0, bf, ib, stB[rank - 1] == 0, sf, of, i);
            } else {
                run(k, f, ad, ia, stA[rank - 1] == 0, bd, ib, stB[rank - 1] == 0, sd, od, i);
            }
            for (int dim = inner - 1; dim >= 0; dim--) { // odometer increment
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

    /** One run {@code out[o .. o + scratch.length)}; a stretched operand is repeated into {@code scratch} first. */
    private static void run(Kernels k, Binary f, float[] a, int ia, boolean aStretched, float[] b, int ib,
                            boolean bStretched, float[] scratch, float[] out, int o) {
        if (aStretched) {
            Arrays.fill(scratch, a[ia]);
            a = scratch;
            ia = 0;
        } else if (bStretched) {
            Arrays.fill(scratch, b[ib]);
            b = scratch;
            ib = 0;
        }
        k.binary(f, a, ia, b, ib, out, o, scratch.length);
    }

    private static void run(Kernels k, Binary f, double[] a, int ia, boolean aStretched, double[] b, int ib,
                            boolean bStretched, double[] scratch, double[] out, int o) {
        if (aStretched) {
            Arrays.fill(scratch, a[ia]);
            a = scratch;
            ia = 0;
        } else if (bStretched) {
            Arrays.fill(scratch, b[ib]);
            b = scratch;
            ib = 0;
        }
        k.binary(f, a, ia, b, ib, out, o, scratch.length);
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
