package dev.recur.autodiff;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compares the gradients backpropagation computes with central finite differences, in float64,
 * with DL4J's discipline: step {@value #EPS}, an entry fails when its relative error
 * {@code |a - n| / (|a| + |n|)} exceeds {@value #MAX_REL_ERROR}, unless {@code |a - n| <}
 * {@value #ABS_FLOOR} (both are zero for practical purposes).
 *
 * <pre>{@code
 * GradientCheck.assertPasses("tanh(x W)", in -> in.get(0).matmul(in.get(1)).tanh(), x, w);
 * }</pre>
 *
 * <p>The function may return any shape: a non-scalar output y is reduced to the scalar
 * {@code sum(y * R)} with a fixed random R, so every output element takes part. Inputs are
 * copied to float64 and perturbed one element at a time (two forward passes per element, so
 * keep them small); the function must build any constants it needs in its inputs' type and
 * must be deterministic (no dropout). Inputs must stay away from kinks (relu at 0, max at a
 * tie), where finite differences and derivatives legitimately disagree.
 */
public final class GradientCheck {

    /** Finite-difference step. */
    public static final double EPS = 1e-6;
    /** Largest relative error that passes. */
    public static final double MAX_REL_ERROR = 1e-3;
    /** Absolute differences below this pass whatever their relative error. */
    public static final double ABS_FLOOR = 1e-8;

    private static final long PROJECTION_SEED = 0x5EEDL;

    private GradientCheck() {
    }

    /** One gradient entry: input {@code input} (called {@code name}), element {@code index} (flat: {@code element}). */
    public record Entry(int input, String name, int element, int[] index, double analytic, double numeric,
                        double relError) {
        @Override
        public String toString() {
            return name + ", element " + Arrays.toString(index) + ": analytic " + analytic + ", numeric " + numeric
                    + ", relative error " + relError;
        }
    }

    /**
     * The outcome: whether every entry passed, the largest relative error among entries above
     * the absolute floor (infinite for a NaN), the worst entry (null when the inputs have no
     * elements), how many entries failed and were checked, and the ops the function recorded
     * (in forward order).
     */
    public record Result(boolean passed, double maxRelError, Entry worst, int failures, int checked, List<String> ops) {

        /** A report naming the checked function, the worst entry and the ops in the graph. */
        public String describe(String what) {
            String head = (passed ? "Gradient check passed for " : "Gradient check FAILED for ") + what + ": ";
            String worstText = worst == null ? "no elements to check" : "worst at " + worst;
            String tail = "; " + failures + " of " + checked + " entries fail (limit " + MAX_REL_ERROR
                    + "); ops in the graph: " + String.join(", ", ops) + ".";
            String hint = passed ? "" : " Possible cause: a wrong backward in one of these ops, an input at a kink"
                    + " (relu at 0, max at a tie) or a function that is not deterministic.";
            return head + worstText + tail + hint;
        }
    }

    /**
     * Checks d f / d input for every element of every input. {@code f} is a
     * {@code java.util.function.Function} (spelled out: the graph's own {@link Function} shares the name).
     */
    public static Result check(java.util.function.Function<List<Variable>, Variable> f, Tensor... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("GradientCheck: no inputs given; pass the tensors to differentiate with respect to");
        }
        List<Variable> leaves = new ArrayList<>();
        for (Tensor x : inputs) {
            leaves.add(Variable.leaf(x.dtype() == DType.FLOAT64 ? x.copy() : x.to(DType.FLOAT64)));
        }
        List<Variable> fixed = List.copyOf(leaves);
        return run(() -> f.apply(fixed), fixed);
    }

    /**
     * Checks d loss / d v for leaves the loss reads by itself, such as a layer's parameters (the
     * layer built in float64): {@code loss} builds the graph anew on each call. The values of
     * {@code wrt} are perturbed in place and restored; their gradients are reset first and hold
     * the analytic gradient afterwards (other leaves the loss reaches receive gradients too).
     */
    public static Result check(Supplier<Variable> loss, List<? extends Variable> wrt) {
        if (wrt.isEmpty()) {
            throw new IllegalArgumentException("GradientCheck: no variables given; pass the parameters to differentiate with respect to");
        }
        for (int i = 0; i < wrt.size(); i++) {
            Variable v = wrt.get(i);
            if (v.creator() != null || !v.requiresGrad()) {
                throw new IllegalArgumentException("GradientCheck: " + name(v, i) + " is not a leaf that requires a gradient;"
                        + " check with respect to parameters or Variable.leaf(...) inputs");
            }
            if (v.value().dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("GradientCheck: " + name(v, i) + " is " + v.value().dtype()
                        + " but the check runs in float64; build the model in float64 for the check");
            }
        }
        wrt.forEach(Variable::zeroGrad);
        return run(loss, List.copyOf(wrt));
    }

    /** Runs {@link #check(java.util.function.Function, Tensor...)}; throws an {@link AssertionError} describing the worst entry if it fails. */
    public static Result assertPasses(String what, java.util.function.Function<List<Variable>, Variable> f,
                                      Tensor... inputs) {
        return passOrThrow(what, check(f, inputs));
    }

    /** Runs {@link #check(Supplier, List)}; throws an {@link AssertionError} describing the worst entry if it fails. */
    public static Result assertPasses(String what, Supplier<Variable> loss, List<? extends Variable> wrt) {
        return passOrThrow(what, check(loss, wrt));
    }

    private static Result passOrThrow(String what, Result r) {
        if (!r.passed()) {
            throw new AssertionError(r.describe(what));
        }
        return r;
    }

    /** Analytic gradients by one backward pass, then each entry against central differences. */
    private static Result run(Supplier<Variable> f, List<Variable> wrt) {
        if (!GradMode.isEnabled()) {
            throw new IllegalStateException("GradientCheck: grad mode is off (inside GradMode.noGrad()); run the check outside it");
        }
        Variable out = f.get();
        checkOutput(out);
        Tensor projection = projection(out.value());
        out.backward(projection.reshape(out.value().shape()));

        Entry worst = null;
        double maxRel = 0; // NaN counts as infinite
        int failures = 0;
        int checked = 0;
        for (int i = 0; i < wrt.size(); i++) {
            Tensor x = wrt.get(i).value();
            Tensor analytic = wrt.get(i).grad();
            for (int e = 0; e < x.size(); e++, checked++) {
                double a = analytic.getFlat(e);
                double n = numericDerivative(f, x, e, projection);
                double diff = Math.abs(a - n);
                double rel = diff < ABS_FLOOR ? 0.0 : diff / Math.max(Math.abs(a) + Math.abs(n), Double.MIN_NORMAL);
                double severity = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
                if (!(rel <= MAX_REL_ERROR)) {
                    failures++;
                }
                if (worst == null || severity > maxRel) {
                    worst = new Entry(i, name(wrt.get(i), i), e, unravel(e, x.shape()), a, n, rel);
                    maxRel = severity;
                }
            }
        }
        return new Result(failures == 0, maxRel, worst, failures, checked, opNames(out));
    }

    private static String name(Variable v, int i) {
        return v instanceof Parameter p ? p.name() + " (input " + i + ")" : "input " + i;
    }

    private static void checkOutput(Variable out) {
        if (out == null) {
            throw new IllegalArgumentException("GradientCheck: the function returned null instead of a variable");
        }
        if (out.value().dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("GradientCheck: the function returned " + out.value().dtype()
                    + " but the check runs in float64; create constants with the inputs' type (to(DType.FLOAT64))");
        }
        if (!out.requiresGrad()) {
            throw new IllegalArgumentException("GradientCheck: the function's output does not depend on any input;"
                    + " build it from the variables it is given, not from copies of their values");
        }
    }

    /** d(sum(f * R)) / d x[e] by central differences; x is perturbed in place and restored. */
    private static double numericDerivative(Supplier<Variable> f, Tensor x, int e, Tensor projection) {
        double original = x.getFlat(e);
        try (var scope = GradMode.noGrad()) {
            x.setFlat(e, original + EPS);
            double plus = project(f.get().value(), projection);
            x.setFlat(e, original - EPS);
            double minus = project(f.get().value(), projection);
            return (plus - minus) / (2 * EPS);
        } finally {
            x.setFlat(e, original);
        }
    }

    /** The fixed weights R: one for a scalar, Gaussian draws from a fixed seed otherwise. */
    private static Tensor projection(Tensor out) {
        if (out.size() == 1) {
            return Tensor.full(DType.FLOAT64, 1.0, out.size());
        }
        return Tensor.normal(new SplittableRandom(PROJECTION_SEED), DType.FLOAT64, 0.0, 1.0, out.size());
    }

    private static double project(Tensor y, Tensor projection) {
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            s += y.getFlat(i) * projection.getFlat(i);
        }
        return s;
    }

    private static List<String> opNames(Variable out) {
        List<Function> order = Backprop.topologicalOrder(out.creator());
        Set<String> names = new LinkedHashSet<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            names.add(order.get(i).name());
        }
        return List.copyOf(names);
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return idx;
    }
}
