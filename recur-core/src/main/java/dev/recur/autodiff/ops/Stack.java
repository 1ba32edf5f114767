package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = [x_0, x_1, ...]} stacked along a new dimension: {@code stack(1, h_0..h_T-1)} is a sequence. */
public final class Stack extends Op {

    private final int dim;

    private Stack(int dim, Variable... parts) {
        super(parts);
        this.dim = dim;
    }

    public static Variable apply(int dim, Variable... parts) {
        Tensor[] values = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].value();
        }
        return new Stack(dim, parts).output(Tensor.stack(dim, values));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx_i = dy[i] along the stacked dimension
        for (int i = 0; i < inputCount(); i++) {
            if (needsGrad(i)) {
                accumulate(i, dOut.select(dim, i));
            }
        }
    }
}
