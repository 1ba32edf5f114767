package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

/** Test-only op: {@code y = x^2} with a wrong backward ({@code dx = dy * x * factor} instead of {@code 2 x dy}). */
final class WrongSquare extends Op {

    private final double factor;

    private WrongSquare(Variable x, double factor) {
        super(x);
        this.factor = factor;
    }

    /** The derivative is off by the given factor (1.0 drops the 2, 2.02 is 1% too large). */
    static Variable apply(Variable x, double factor) {
        return new WrongSquare(x, factor).output(x.value().square());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy * factor * x   (wrong on purpose unless factor = 2)
        accumulate(0, dOut.mul(input(0).value().mul(factor)));
    }
}
