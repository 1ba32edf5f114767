package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An optimizer bound to its parameters, made by {@link OptimizerConfig#build}: it owns the state
 * (one tensor per parameter and slot, such as Adam's moments), the step count and the current
 * learning rate.
 *
 * <p>A training step reads:
 * <pre>{@code
 * opt.zeroGrad();
 * loss.backward();
 * opt.setLearningRate(schedule.lr((int) opt.iterations()));   // optional, Keras convention
 * opt.step();
 * }</pre>
 *
 * <p>{@link #step()} updates every parameter that has a gradient in place and skips those without
 * one (both Keras and PyTorch skip a missing gradient; a zero gradient still moves momentum).
 * The step count is global, as in Keras: a skipped parameter's bias correction uses it too.
 * State buffers are allocated once, here, so steps allocate nothing.
 *
 * <p>{@link #state()} and {@link #loadState} export and import everything a resumed run needs
 * as named tensors: {@code "iterations"}, {@code "learning_rate"} and
 * {@code "<parameter name>/<slot>"} (slots named as Keras names them: {@code momentum},
 * {@code velocity}, ...). A run restored from them continues bit-identically.
 */
public final class Optimizer {

    /** State key of the number of steps taken (a float64 scalar holding a whole number). */
    public static final String ITERATIONS = "iterations";
    /** State key of the current learning rate (a float64 scalar). */
    public static final String LEARNING_RATE = "learning_rate";

    private final OptimizerConfig config;
    private final UpdateRule rule;
    private final List<Parameter> parameters;
    private final Parameter[] params;
    private final Tensor[][] slots; // [parameter][slot], each shaped like its parameter
    private final float[][][] floatSlots; // backing arrays of float32 parameters' slots (null for float64)
    private final double[][][] doubleSlots; // backing arrays of float64 parameters' slots (null for float32)
    private long iterations;
    private double learningRate;

    Optimizer(OptimizerConfig config, UpdateRule rule, List<? extends Parameter> parameters) {
        this.config = Objects.requireNonNull(config, "config");
        this.rule = rule;
        this.parameters = List.copyOf(parameters);
        this.params = this.parameters.toArray(new Parameter[0]);
        this.learningRate = config.learningRate();
        if (params.length == 0) {
            throw new IllegalArgumentException(name() + ": the parameter list is empty, so there is nothing to optimize");
        }
        checkParameters(params);
        List<String> names = rule.slots();
        slots = new Tensor[params.length][names.size()];
        floatSlots = new float[params.length][][];
        doubleSlots = new double[params.length][][];
        for (int i = 0; i < params.length; i++) {
            Tensor value = params[i].value();
            boolean f32 = value.dtype() == DType.FLOAT32;
            floatSlots[i] = f32 ? new float[names.size()][] : null;
            doubleSlots[i] = f32 ? null : new double[names.size()][];
            for (int k = 0; k < names.size(); k++) {
                slots[i][k] = Tensor.full(value.dtype(), rule.initialValue(k), value.shape());
                if (f32) {
                    floatSlots[i][k] = slots[i][k].floats();
                } else {
                    doubleSlots[i][k] = slots[i][k].doubles();
                }
            }
        }
    }

    private String name() {
        return config.getClass().getSimpleName();
    }

    private void checkParameters(Parameter[] ps) {
        Set<String> seen = new HashSet<>();
        for (Parameter p : ps) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException(name() + ": two parameters are named '" + p.name()
                        + "'; optimizer state is keyed by parameter name, so names must be unique");
            }
            if (!p.value().isContiguous()) {
                throw new IllegalArgumentException(name() + ": parameter '" + p.name() + "' of shape "
                        + p.value().shapeString() + " is a strided view, but optimizers update dense tensors in place."
                        + " Possible cause: the parameter wraps a transposed view; give it value.copy()");
            }
        }
    }

    /** The hyperparameters this optimizer was built from. */
    public OptimizerConfig config() {
        return config;
    }

    /** The parameters, in the order given to {@link OptimizerConfig#build}. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Number of {@link #step()}s taken (Keras's {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /** The learning rate the next {@link #step()} uses. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate for the following steps (what a schedule or reduce-on-plateau does).
     * Zero is allowed: a cosine schedule ends there.
     */
    public void setLearningRate(double learningRate) {
        this.learningRate = Check.nonNegative(name(), "learningRate", learningRate);
    }

    /** Forgets every parameter's gradient (call before each backward pass). */
    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    /** Applies one update to every parameter that has a gradient, in place. */
    public void step() {
        // a gradient always has its parameter's type: autodiff checks every accumulation
        long t = iterations + 1;
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            if (!p.hasGrad()) {
                continue;
            }
            Tensor w = p.value();
            Tensor g = p.grad(); // dense: gradients are accumulated into a private copy
            if (floatSlots[i] != null) {
                rule.update(w.size(), learningRate, t, w.floats(), w.offset(), g.floats(), g.offset(), floatSlots[i]);
            } else {
                rule.update(w.size(), learningRate, t, w.doubles(), w.offset(), g.doubles(), g.offset(), doubleSlots[i]);
            }
        }
        iterations = t;
    }

    // ---- checkpoints ---------------------------------------------------------------------

    /**
     * A snapshot of the state as named tensors (copies: later steps do not change it), in a
     * fixed order: iterations, learning rate, then each parameter's slots.
     */
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(ITERATIONS, Tensor.scalar(DType.FLOAT64, iterations));
        out.put(LEARNING_RATE, Tensor.scalar(DType.FLOAT64, learningRate));
        for (int i = 0; i < params.length; i++) {
            for (int k = 0; k < slots[i].length; k++) {
                out.put(key(i, k), slots[i][k].copy());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Restores a state exported by {@link #state()} (from an optimizer of the same kind over
     * parameters with the same names, shapes and types). Everything is checked before anything
     * changes: on error this optimizer is left as it was.
     */
    public void loadState(Map<String, Tensor> state) {
        Objects.requireNonNull(state, "state");
        Set<String> expected = new HashSet<>();
        expected.add(ITERATIONS);
        expected.add(LEARNING_RATE);
        for (int i = 0; i < params.length; i++) {
            for (int k = 0; k < slots[i].length; k++) {
                expected.add(key(i, k));
            }
        }
        checkKeys(expected, state.keySet());
        double steps = scalar(state, ITERATIONS);
        if (!(steps >= 0 && steps == Math.rint(steps) && steps <= 0x1p53)) {
            throw new IllegalArgumentException(name() + ".loadState: '" + ITERATIONS
                    + "' must be a whole number >= 0 but got " + steps);
        }
        double lr = scalar(state, LEARNING_RATE);
        Check.nonNegative(name() + ".loadState", "'" + LEARNING_RATE + "'", lr);
        for (int i = 0; i < params.length; i++) {
            for (int k = 0; k < slots[i].length; k++) {
                Tensor src = state.get(key(i, k));
                Tensor dst = slots[i][k];
                if (!src.hasShape(dst.shape()) || src.dtype() != dst.dtype()) {
                    throw new IllegalArgumentException(name() + ".loadState: '" + key(i, k) + "' is " + src.dtype() + " "
                            + src.shapeString() + " but parameter '" + params[i].name() + "' is " + dst.dtype() + " "
                            + dst.shapeString() + ". Possible cause: the model was built with other sizes or types");
                }
            }
        }
        for (int i = 0; i < params.length; i++) {
            for (int k = 0; k < slots[i].length; k++) {
                slots[i][k].copyFrom(state.get(key(i, k)));
            }
        }
        iterations = (long) steps;
        learningRate = lr;
    }

    private void checkKeys(Set<String> expected, Set<String> given) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(given);
        Set<String> unexpected = new TreeSet<>(given);
        unexpected.removeAll(expected);
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected " + unexpected);
        }
        throw new IllegalArgumentException(name() + ".loadState: the state does not match this optimizer (" + config
                + " over " + params.length + " parameters): " + String.join(", ", parts)
                + ". Possible cause: it was saved by another optimizer or configuration, or for a model"
                + " with other parameter names");
    }

    private double scalar(Map<String, Tensor> state, String key) {
        Tensor t = state.get(key);
        if (t.size() != 1) {
            throw new IllegalArgumentException(name() + ".loadState: '" + key + "' must hold one value but has shape "
                    + t.shapeString());
        }
        return t.getFlat(0);
    }

    private String key(int param, int slot) {
        return params[param].name() + "/" + rule.slots().get(slot);
    }

    @Override
    public String toString() {
        return "Optimizer(" + config + ", " + params.length + " parameters, iterations=" + iterations
                + ", learningRate=" + learningRate + ", slots=" + rule.slots() + ")";
    }
}
