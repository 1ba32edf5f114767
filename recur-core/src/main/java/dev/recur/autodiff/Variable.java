package dev.recur.autodiff;

import dev.recur.autodiff.ops.Abs;
import dev.recur.autodiff.ops.Add;
import dev.recur.autodiff.ops.AddScalar;
import dev.recur.autodiff.ops.Clamp;
import dev.recur.autodiff.ops.Concat;
import dev.recur.autodiff.ops.Div;
import dev.recur.autodiff.ops.Exp;
import dev.recur.autodiff.ops.Gather;
import dev.recur.autodiff.ops.Log;
import dev.recur.autodiff.ops.LogSoftmax;
import dev.recur.autodiff.ops.LogSumExp;
import dev.recur.autodiff.ops.BatchMatMul;
import dev.recur.autodiff.ops.MatMul;
import dev.recur.autodiff.ops.Maximum;
import dev.recur.autodiff.ops.Mean;
import dev.recur.autodiff.ops.Minimum;
import dev.recur.autodiff.ops.Mul;
import dev.recur.autodiff.ops.MulScalar;
import dev.recur.autodiff.ops.Neg;
import dev.recur.autodiff.ops.Pow;
import dev.recur.autodiff.ops.Relu;
import dev.recur.autodiff.ops.Reshape;
import dev.recur.autodiff.ops.Select;
import dev.recur.autodiff.ops.Sigmoid;
import dev.recur.autodiff.ops.Slice;
import dev.recur.autodiff.ops.Softmax;
import dev.recur.autodiff.ops.Sqrt;
import dev.recur.autodiff.ops.Square;
import dev.recur.autodiff.ops.Stack;
import dev.recur.autodiff.ops.Sub;
import dev.recur.autodiff.ops.Sum;
import dev.recur.autodiff.ops.Tanh;
import dev.recur.autodiff.ops.Transpose;
import dev.recur.autodiff.ops.Unsqueeze;
import dev.recur.autodiff.ops.Where;
import dev.recur.tensor.Tensor;

/**
 * A tensor in the autodiff graph: its value, the function that produced it (if recorded), and
 * the gradient of a loss with respect to it after {@link #backward()}.
 *
 * <p>Gradients of leaves (parameters, inputs) accumulate: call {@link #zeroGrad()} (or let an
 * optimizer do it) between steps. Intermediate results pass their gradient on during the sweep
 * and do not keep it. The methods here are the readable way to compose primitives:
 * {@code x.matmul(w).add(b).tanh()}; each one delegates to one class in
 * {@link dev.recur.autodiff.ops}, where its forward and backward sit side by side.
 */
public class Variable {

    private final Tensor value;
    private final Function creator;
    private final boolean requiresGrad;
    private Tensor grad;

    Variable(Tensor value, Function creator, boolean requiresGrad) {
        if (value == null) {
            throw new IllegalArgumentException("a variable needs a value tensor, got null");
        }
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

    /** The same value cut from the graph: gradients stop here (a carried state in truncated BPTT). */
    public Variable detach() {
        return constant(value);
    }

    // ---- gradients -------------------------------------------------------------------------

    /** The accumulated gradient of a leaf; zeros if nothing has flowed here yet. */
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

    /** The gradient buffer itself, allocated as zeros on first use (for region accumulation). */
    Tensor gradBuffer() {
        if (grad == null) {
            grad = Tensor.zeros(value.dtype(), value.shape());
        }
        return grad;
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    /** Adds {@code g}, already checked to have this variable's shape and type. */
    void accumulateGrad(Tensor g) {
        if (grad == null) {
            grad = g.copy(); // never alias: the same tensor may be handed to several inputs
        } else {
            grad.addInPlace(g, 1.0);
        }
    }

    /** Backpropagates from this scalar: afterwards every leaf it depends on holds d(this)/d(leaf). */
    public void backward() {
        if (value.size() != 1) {
            throw new IllegalStateException("backward() needs a scalar (a loss) but this value has shape "
                    + value.shapeString() + "; reduce it first (sum(), mean()) or pass a seed gradient with backward(Tensor)");
        }
        backward(Tensor.full(value.dtype(), 1.0, value.shape()));
    }

    /** Backpropagates a seed gradient {@code seed} (this variable's shape and type): vector-Jacobian product. */
    public void backward(Tensor seed) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward(): this value does not depend on anything that requires a gradient"
                    + " (was it computed inside GradMode.noGrad(), or from constants only?)");
        }
        if (!seed.hasShape(value.shape()) || seed.dtype() != value.dtype()) {
            throw new IllegalArgumentException("backward(seed): the seed has shape " + seed.shapeString() + " ("
                    + seed.dtype() + ") but this value has shape " + value.shapeString() + " (" + value.dtype() + ")");
        }
        Backprop.run(this, seed);
    }

    // ---- elementwise, with NumPy broadcasting ------------------------------------------------

    public Variable add(Variable other) {
        return Add.apply(this, other);
    }

    public Variable sub(Variable other) {
        return Sub.apply(this, other);
    }

    public Variable mul(Variable other) {
        return Mul.apply(this, other);
    }

    public Variable div(Variable other) {
        return Div.apply(this, other);
    }

    /** Elementwise larger of the two (a tie sends half the gradient each way). */
    public Variable maximum(Variable other) {
        return Maximum.apply(this, other);
    }

    /** Elementwise smaller of the two (a tie sends half the gradient each way). */
    public Variable minimum(Variable other) {
        return Minimum.apply(this, other);
    }

    /** {@code mask ? a : b} elementwise; the mask holds 0s and 1s of the values' type, broadcastable. */
    public static Variable where(Tensor mask, Variable a, Variable b) {
        return Where.apply(mask, a, b);
    }

    // ---- elementwise, one argument ------------------------------------------------------------

    public Variable add(double c) {
        return AddScalar.apply(this, c);
    }

    public Variable mul(double c) {
        return MulScalar.apply(this, c);
    }

    public Variable neg() {
        return Neg.apply(this);
    }

    public Variable exp() {
        return Exp.apply(this);
    }

    public Variable log() {
        return Log.apply(this);
    }

    public Variable tanh() {
        return Tanh.apply(this);
    }

    public Variable sigmoid() {
        return Sigmoid.apply(this);
    }

    public Variable relu() {
        return Relu.apply(this);
    }

    public Variable sqrt() {
        return Sqrt.apply(this);
    }

    public Variable square() {
        return Square.apply(this);
    }

    public Variable abs() {
        return Abs.apply(this);
    }

    /** Each element raised to the power {@code p}. */
    public Variable pow(double p) {
        return Pow.apply(this, p);
    }

    /** Each element limited to [lo, hi]. */
    public Variable clamp(double lo, double hi) {
        return Clamp.apply(this, lo, hi);
    }

    // ---- matrix multiply and reductions ------------------------------------------------------

    /** Matrix product of [m, k] and [k, n]. */
    public Variable matmul(Variable other) {
        return MatMul.apply(this, other);
    }

    /** Batched matrix product {@code [..., m, k] x [..., k, n] -> [..., m, n]} over equal leading dimensions. */
    public Variable bmm(Variable other) {
        return BatchMatMul.apply(this, other);
    }

    /** Sum of all elements, a scalar. */
    public Variable sum() {
        return Sum.apply(this);
    }

    /** Sums along {@code dim} (negative counts from the end), removing it. */
    public Variable sum(int dim) {
        return Sum.apply(this, dim);
    }

    /** Mean of all elements, a scalar. */
    public Variable mean() {
        return Mean.apply(this);
    }

    /** Mean along {@code dim}, removing it. */
    public Variable mean(int dim) {
        return Mean.apply(this, dim);
    }

    /** Softmax over the last dimension. */
    public Variable softmax() {
        return Softmax.apply(this);
    }

    /** Log-softmax over the last dimension. */
    public Variable logSoftmax() {
        return LogSoftmax.apply(this);
    }

    /** log(sum(exp(x))) over the last dimension, removing it. */
    public Variable logSumExp() {
        return LogSumExp.apply(this);
    }

    // ---- shapes ------------------------------------------------------------------------------

    /** The same elements in a new shape; one dimension may be -1. */
    public Variable reshape(int... shape) {
        return Reshape.apply(this, shape);
    }

    public Variable transpose(int dim0, int dim1) {
        return Transpose.apply(this, dim0, dim1);
    }

    /** The transpose of a matrix. */
    public Variable t() {
        return Transpose.matrix(this);
    }

    /** Elements {@code start} (inclusive) to {@code end} (exclusive) along {@code dim}. */
    public Variable slice(int dim, int start, int end) {
        return Slice.apply(this, dim, start, end);
    }

    /** Index {@code index} along {@code dim}, removing that dimension: {@code x.select(1, t)} is step t. */
    public Variable select(int dim, int index) {
        return Select.apply(this, dim, index);
    }

    /** Inserts a dimension of size 1 at {@code dim}. */
    public Variable unsqueeze(int dim) {
        return Unsqueeze.apply(this, dim);
    }

    /** Variables of equal shapes (except along {@code dim}) joined along {@code dim}. */
    public static Variable concat(int dim, Variable... parts) {
        return Concat.apply(dim, parts);
    }

    /** Variables of one shape stacked along a new dimension {@code dim}. */
    public static Variable stack(int dim, Variable... parts) {
        return Stack.apply(dim, parts);
    }

    /**
     * Rows of a [rows, cols] table picked by index (an embedding lookup); the result has shape
     * {@code indexShape + [cols]}. Rows picked several times receive the sum of their gradients.
     */
    public static Variable gather(Variable table, int[] indices, int... indexShape) {
        return Gather.apply(table, indices, indexShape);
    }

    @Override
    public String toString() {
        return "Variable(" + value + (creator != null ? ", from " + creator.name() : "") + ")";
    }
}
