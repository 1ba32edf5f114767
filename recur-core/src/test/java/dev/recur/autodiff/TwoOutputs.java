package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

/** Test-only function with two outputs: {@code y1 = 2x}, {@code y2 = x^2}. It keeps the output gradients it received. */
final class TwoOutputs extends Function {

    Tensor[] received; // dOutputs of the last backward call

    private TwoOutputs(Variable x) {
        super(x);
    }

    static Variable[] apply(Variable x) {
        return new TwoOutputs(x).record(x.value().mul(2.0), x.value().square());
    }

    @Override
    protected void backward(Tensor[] dOutputs) {
        received = dOutputs.clone();
        // dx = 2 dy1 + 2 x dy2
        accumulate(0, dOutputs[0].mul(2.0).add(dOutputs[1].mul(input(0).value().mul(2.0))));
    }
}
