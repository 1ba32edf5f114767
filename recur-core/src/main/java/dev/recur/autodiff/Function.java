package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

import java.util.function.UnaryOperator;

/**
 * A recorded operation in the autodiff graph: it knows its inputs and outputs, and its
 * {@link #backward} turns the gradients of its outputs into gradients of its inputs.
 *
 * <p>Most primitives have one output and extend {@link Op}; a fused recurrent layer that returns
 * its sequence and its final states extends this class directly. Forward and backward of each
 * operation live side by side in one class.
 */
public abstract class Function {

    private final Variable[] inputs;
    private Variable[] outputs = new Variable[0];

    protected Function(Variable... inputs) {
        this.inputs = inputs.clone();
    }

    /** Input {@code i} as given to the constructor. */
    protected final Variable input(int i) {
        return inputs[i];
    }

    /** Number of inputs. */
    protected final int inputCount() {
        return inputs.length;
    }

    final Variable[] inputs() {
        return inputs;
    }

    final Variable[] outputs() {
        return outputs;
    }

    /** Whether input {@code i} wants a gradient; skip computing gradients nobody will read. */
    protected final boolean needsGrad(int i) {
        return inputs[i].requiresGrad();
    }

    /**
     * Wraps computed output tensors as variables produced by this function. When grad mode is
     * off or no input requires a gradient, the outputs are constants and nothing is recorded.
     */
    protected final Variable[] record(Tensor... values) {
        boolean track = GradMode.isEnabled() && anyInputRequiresGrad();
        Variable[] out = new Variable[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new Variable(values[i], track ? this : null, track);
        }
        if (track) {
            outputs = out;
        }
        return out;
    }

    private boolean anyInputRequiresGrad() {
        for (Variable v : inputs) {
            if (v.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code g} (the input's shape and type) into the gradient of input {@code i}; gradients accumulate. */
    protected final void accumulate(int i, Tensor g) {
        Variable in = inputs[i];
        if (in.requiresGrad()) {
            checkGradient(i, g, in.value(), "the input");
            in.accumulateGrad(g);
        }
    }

    /**
     * Adds {@code g} into one region of input {@code i}'s gradient, e.g.
     * {@code accumulate(0, dOut, grad -> grad.select(1, t))}: the gradient of a slice reaches
     * its input without a tensor of zeros for everything else.
     */
    protected final void accumulate(int i, Tensor g, UnaryOperator<Tensor> region) {
        Variable in = inputs[i];
        if (in.requiresGrad()) {
            Tensor target = region.apply(in.gradBuffer());
            checkGradient(i, g, target, "its region of the input's gradient");
            target.addInPlace(g, 1.0);
        }
    }

    private void checkGradient(int i, Tensor g, Tensor expected, String what) {
        if (!g.hasShape(expected.shape()) || g.dtype() != expected.dtype()) {
            throw new IllegalStateException(name() + ".backward: the gradient for input " + i + " has shape "
                    + g.shapeString() + " (" + g.dtype() + ") but " + what + " has shape " + expected.shapeString()
                    + " (" + expected.dtype() + "); a backward pass must give each input a gradient of its own shape");
        }
    }

    /**
     * Given the gradient of the loss with respect to each output ({@code dOutputs[j]}, zeros
     * for an output the loss does not depend on), accumulates the gradients of the inputs with
     * {@link #accumulate}.
     */
    protected abstract void backward(Tensor[] dOutputs);

    /** A short name for error messages and graph dumps. */
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name();
    }
}
