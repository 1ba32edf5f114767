package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/** {@code y = ln(x)}. */
public final class Log extends Op {

    private Log(Variable x) {
        super(x);
    }

    public static Variable apply(Variable x) {
        return new Log(x).output(x.value().log());
    }

    @Override
    protected void backward(Tensor dOut) {
        // dx = dy / x
        accumulate(0, dOut.div(input(0).value()));
    }
}
