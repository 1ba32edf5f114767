package dev.recur.autodiff;

import dev.recur.autodiff.ops.Add;
import dev.recur.autodiff.ops.MatMul;
import dev.recur.autodiff.ops.Tanh;
import dev.recur.tensor.Tensor;

/**
 * A tensor in the autodiff graph: its value, the function that produced it (if recorded), and
 * the gradient of a loss with respect to it after {@link #backward()}.
 *
 * <p>Gradients accumulate: call {@link #zeroGrad()} (or let an optimizer do it) between steps.
 * The methods here are the readable way to compose primitives:
 * {@code x.matmul(w).add(b).tanh()}.
 */
public class Variable {

    private final Tensor value;
    private final Function creator;
    private final boolean requiresGrad;
    private Tensor grad;

    Variable(Tensor value, Function creator, boolean requiresGrad) {
        this.value = value;
        this.creator = creator;
        this.requiresGrad = requiresGrad;
    }

    /** A leaf that needs no gradient (data, targets, masks). */
    public static Variable constant(Tensor value) {
        return new Variable(value, null, false);
    }

    /** A leaf whose gradient is wanted (the inputs of a gradient check, say). */
    public static Variable leaf(Tensor value) {
        return new Variable(value, null, true);
    }

    /** The value. */
    public Tensor value() {
        return value;
    }

    /** Whether a gradient flows into this variable. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The function that produced this variable, or null for a leaf or an untracked result. */
    public Function creator() {
        return creator;
    }

    /** The accumulated gradient; zeros if nothing has flowed here yet. */
    public Tensor grad() {
        return grad != null ? grad : Tensor.zeros(value.dtype(), value.shape());
    }

    /** Whether a gradient has flowed here since the last {@link #zeroGrad()} (optimizers skip parameters without one). */
    public boolean hasGrad() {
        return grad != null;
    }

    Tensor gradOrNull() {
        return grad;
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    void accumulateGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        if (!g.hasShape(value.shape())) {
            throw new IllegalStateException("gradient of shape " + g.shapeString() + " does not match value of shape "
                    + value.shapeString() + (creator != null ? " (produced by " + creator.name() + ")" : ""));
        }
        if (grad == null) {
            grad = g.copy();
        } else {
            grad.addInPlace(g, 1.0);
        }
    }

    /** Backpropagates from this scalar: afterwards every variable it depends on holds d(this)/d(variable). */
    public void backward() {
        if (value.size() != 1) {
            throw new IllegalStateException("backward() needs a scalar (a loss) but this value has shape "
                    + value.shapeString() + "; pass a seed gradient with backward(Tensor)");
        }
        backward(Tensor.full(value.dtype(), 1.0, value.shape()));
    }

    /** Backpropagates a seed gradient of this variable's shape. */
    public void backward(Tensor seed) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward(): this value does not depend on anything that requires a gradient"
                    + " (was it computed inside GradMode.noGrad()?)");
        }
        Backprop.run(this, seed);
    }

    // ---- composing primitives --------------------------------------------------------------

    public Variable add(Variable other) {
        return Add.apply(this, other);
    }

    public Variable matmul(Variable other) {
        return MatMul.apply(this, other);
    }

    public Variable tanh() {
        return Tanh.apply(this);
    }

    @Override
    public String toString() {
        return "Variable(" + value + (creator != null ? ", from " + creator.name() : "") + ")";
    }
}
