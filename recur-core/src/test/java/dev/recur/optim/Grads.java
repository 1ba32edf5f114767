package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

/** Test support: parameters with chosen values and gradients. */
final class Grads {

    private Grads() {
    }

    /** A parameter of this type holding these values, shape [values.length]. */
    static Parameter param(String name, DType dtype, double... values) {
        return new Parameter(name, Tensor.of(values.clone(), values.length).to(dtype));
    }

    /** Replaces p's gradient by these values (a leaf's backward(seed) stores the seed as its gradient). */
    static void set(Parameter p, double... values) {
        p.zeroGrad();
        p.backward(Tensor.of(values.clone(), p.value().shape()).to(p.value().dtype()));
    }
}
