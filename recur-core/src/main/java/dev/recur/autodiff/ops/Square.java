package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = x^2}. */
public final class Square extends Op {

    private Square(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        return new Square(x).output(x.value().square());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = 2 x dy
        accumulate(0, dOut.mul(input(0).value().mul(2.0)));
    }
}
