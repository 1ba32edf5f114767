package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

/** A primitive with one output: {@code forward} computes it, {@code backward(dOut)} sends gradients back. */
public abstract class Op extends Function {

    protected Op(Variable... inputs) {
        super(inputs);
    }

    /** Records {@code value} as this op's single output. */
    protected final Variable output(Tensor value) {
        return record(value)[0];
    }

    @Override
    protected final void backward(Tensor[] dOutputs) {
        backward(dOutputs[0]);
    }

    /** Accumulates input gradients given the gradient of the output. */
    protected abstract void backward(Tensor dOut);
}
