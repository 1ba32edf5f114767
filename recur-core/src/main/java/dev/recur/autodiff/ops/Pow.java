package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x^p} for a constant exponent p (a fractional p needs x >= 0, as {@link Math#pow} does). */
public final class Pow extends Op {

    private final double p;

    private Pow(Variable x, double p) {
        super(x);
        this.p = p;
    }

    public static Variable apply(Variable x, double p) {
        return new Pow(x, p).output(Pointwise.map(x.value(), v -> Math.pow(v, p)));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * p * x^(p - 1)   (0 for p = 0, also at x = 0)
        accumulate(0, Pointwise.map(dOut, input(0).value(), (g, x) -> p == 0 ? 0.0 : g * p * Math.pow(x, p - 1)));
    }
}
