package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

/** Test-only ops whose backward hands back a gradient of the wrong shape. */
final class BadShapes {

    private BadShapes() {
    }

    /** Backward returns the gradient with one extra leading dimension. */
    static Variable extraDimension(Variable x) {
        return new Op(x) {
            Variable run() {
                return output(x.value().copy());
            }

            @Override
            protected void backward(Tensor dOut) {
                accumulate(0, dOut.unsqueeze(0));
            }

            @Override
            public String name() {
                return "ExtraDimension";
            }
        }.run();
    }

    /** Backward adds the whole gradient into one row of the input's gradient. */
    static Variable wrongRegion(Variable x) {
        return new Op(x) {
            Variable run() {
                return output(x.value().copy());
            }

            @Override
            protected void backward(Tensor dOut) {
                accumulate(0, dOut, grad -> grad.select(0, 0));
            }

            @Override
            public String name() {
                return "WrongRegion";
            }
        }.run();
    }
}
