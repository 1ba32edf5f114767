package dev.recur.nn;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.kernel.Backend;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Parallel;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

/**
 * The patches of a 1-D convolution, one row per output step, so that the convolution is one
 * matrix multiply: {@code cols[b, o, j*C + c] = x[b, o*stride + j*dilation - padLeft, c]}, zero
 * where that step falls outside [0, T). Input {@code [batch, T, C]}, output
 * {@code [batch, outLength, kernel*C]}; the backward pass adds each patch gradient back where it
 * was read from (col2im).
 */
final class Im2Col1D extends Op {

    private final int kernel;
    private final int stride;
    private final int dilation;
    private final int padLeft;
    private final int outLength;

    private Im2Col1D(Variable x, int kernel, int stride, int dilation, int padLeft, int outLength) {
        super(x);
        this.kernel = kernel;
        this.stride = stride;
        this.dilation = dilation;
        this.padLeft = padLeft;
        this.outLength = outLength;
    }

    static Variable apply(Variable x, int kernel, int stride, int dilation, int padLeft, int outLength) {
        Im2Col1D op = new Im2Col1D(x, kernel, stride, dilation, padLeft, outLength);
        Tensor in = x.value().contiguous(); // [batch, T, C]
        int batch = in.dim(0);
        int steps = in.dim(1);
        int channels = in.dim(2);
        Tensor cols = Tensor.zeros(in.dtype(), batch, outLength, kernel * channels);
        Object src = in.dtype() == DType.FLOAT32 ? in.floats() : in.doubles();
        Object dst = in.dtype() == DType.FLOAT32 ? cols.floats() : cols.doubles();
        Parallel.forRange(batch, 1, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                for (int o = 0; o < outLength; o++) {
                    for (int j = 0; j < kernel; j++) {
                        int t = op.step(o, j);
                        if (t >= 0 && t < steps) {
                            System.arraycopy(src, in.offset() + (b * steps + t) * channels,
                                    dst, ((b * outLength + o) * kernel + j) * channels, channels);
                        }
                    }
                }
            }
        });
        return op.output(cols);
    }

    /** The input step that patch row {@code o} reads at kernel tap {@code j} (may be outside the sequence). */
    private int step(int o, int j) {
        return o * stride + j * dilation - padLeft;
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx[b, t, :] += dcols[b, o, j*C : (j+1)*C] for every (o, j) that read step t
        Tensor x = input(0).value();
        int batch = x.dim(0);
        int steps = x.dim(1);
        int channels = x.dim(2);
        Tensor dCols = dOut.contiguous();
        Tensor dX = Tensor.zeros(x.dtype(), batch, steps, channels);
        Kernels k = Backend.kernels();
        Parallel.forRange(batch, 1, (b0, b1) -> { // each batch row writes its own slice of dX
            for (int b = b0; b < b1; b++) {
                for (int o = 0; o < outLength; o++) {
                    for (int j = 0; j < kernel; j++) {
                        int t = step(o, j);
                        if (t >= 0 && t < steps) {
                            int from = dCols.offset() + ((b * outLength + o) * kernel + j) * channels;
                            int to = (b * steps + t) * channels;
                            if (x.dtype() == DType.FLOAT32) {
                                k.axpy(channels, 1f, dCols.floats(), from, dX.floats(), to);
                            } else {
                                k.axpy(channels, 1.0, dCols.doubles(), from, dX.doubles(), to);
                            }
                        }
                    }
                }
            }
        });
        accumulate(0, dX);
    }
}
