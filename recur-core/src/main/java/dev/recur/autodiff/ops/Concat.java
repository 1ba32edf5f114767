package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = [x_0, x_1, ...]} joined along one existing dimension. */
public final class Concat extends Op {

    private final int dim;

    private Concat(int dim, Variable... parts) {
        super(parts);
        this.dim = dim;
    }

    public static Variable apply(int dim, Variable... parts) {
        Tensor[] values = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].value();
        }
        return new Concat(dim, parts).output(Tensor.concat(dim, values));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx_i = the slice of dy where x_i was placed
        int at = 0;
        for (int i = 0; i < inputCount(); i++) {
            int n = input(i).value().dim(dim);
            if (needsGrad(i)) {
                accumulate(i, dOut.slice(dim, at, at + n));
            }
            at += n;
        }
    }
}
