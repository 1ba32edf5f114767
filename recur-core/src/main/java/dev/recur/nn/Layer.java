package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A layer: built lazily from the shape of its first input (like Keras), then called on batches.
 *
 * <p>Shapes here exclude the batch dimension: an LSTM over 100 steps of 5 features has input
 * shape {@code [100, 5]}. A dimension of -1 is unknown until data arrives (the time length of a
 * model built from a specification without {@code Input}), as Keras prints {@code None}.
 *
 * <p>A layer is trainable unless {@link #setTrainable frozen} (Keras's {@code layer.trainable}): a
 * frozen layer keeps its weights in {@link #weights()} and in the parameter count, but not in
 * {@link #parameters()}, and reads them as constants (see {@link #weight}), so no gradient reaches them.
 */
public abstract class Layer {

    private String name;
    private boolean trainable = true;
    private int[] inputShape;  // without batch; null until built
    private int[] outputShape; // without batch; null until built
    private final List<Parameter> weights = new ArrayList<>();

    protected Layer(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Keras's class name for this layer, shown in summaries and specifications: {@code "LSTM"}. */
    public abstract String type();

    /** The layer's name in its model, e.g. {@code "lstm_1"}. */
    public String name() {
        return name;
    }

    /** Renames the layer (models give unique names); also prefixes the parameters created later. */
    public void setName(String newName) {
        if (isBuilt()) {
            throw new IllegalStateException("cannot rename layer " + name + " to " + newName
                    + " after it was built: its weights already carry the old name");
        }
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank, got '" + newName + "'");
        }
        this.name = newName;
    }

    /**
     * Creates the weights for inputs of this shape (batch excluded) and returns the output shape.
     * Called once; later calls must give a compatible shape (equal, or -1 where unknown).
     */
    public final int[] build(BuildContext ctx, int... shape) {
        for (int d : shape) {
            if (d < 1 && d != -1) {
                throw new IllegalArgumentException(type() + " layer " + name + ": input shape " + batchShape(shape)
                        + " has a dimension " + d + "; dimensions are positive, or -1 when unknown (the batch is excluded)");
            }
        }
        if (inputShape != null) {
            if (!compatible(inputShape, shape)) {
                throw new IllegalArgumentException(type() + " layer " + name + " was built for inputs of shape "
                        + batchShape(inputShape) + " but received " + batchShape(shape)
                        + ". Possible cause: one layer object used in two places; create a new layer for each use");
            }
            return outputShape.clone();
        }
        int[] out = doBuild(Objects.requireNonNull(ctx, "ctx"), shape.clone());
        inputShape = shape.clone();
        outputShape = out.clone();
        return out;
    }

    /** Creates the weights with {@link #addParameter} and returns the output shape for this input shape. */
    protected abstract int[] doBuild(BuildContext ctx, int[] inputShape);

    /** Runs the layer on a batch. */
    public abstract Masked forward(Masked input, Context ctx);

    /** Whether {@link #build} has run. */
    public final boolean isBuilt() {
        return inputShape != null;
    }

    /** Input shape without the batch dimension. */
    public final int[] inputShape() {
        requireBuilt("inputShape");
        return inputShape.clone();
    }

    /** Output shape without the batch dimension. */
    public final int[] outputShape() {
        requireBuilt("outputShape");
        return outputShape.clone();
    }

    /** Creates a weight named {@code <layer>/<localName>}. */
    protected final Parameter addParameter(String localName, BuildContext ctx, Initializer init, int... shape) {
        Parameter p = new Parameter(name + "/" + localName, init.create(ctx.dtype(), ctx.rng(), shape));
        weights.add(p);
        return p;
    }

    /** Adopts the weights of a layer this one wraps (Bidirectional). */
    protected final void addParameters(List<Parameter> inner) {
        weights.addAll(inner);
    }

    // ---- trainable and frozen weights -------------------------------------------------------

    /** Whether the layer's weights are trained (Keras's {@code layer.trainable}, true by default). */
    public boolean isTrainable() {
        return trainable;
    }

    /** Freezes ({@code false}) or unfreezes the layer's weights; allowed at any time, as in Keras. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /** The weights an optimizer updates, in creation order: all of them, or none when the layer is frozen. */
    public List<Parameter> parameters() {
        return trainable ? Collections.unmodifiableList(weights) : List.of();
    }

    /** Every weight, trainable or not, in creation order (what a model file saves). */
    public List<Parameter> weights() {
        return Collections.unmodifiableList(weights);
    }

    /** Number of scalars in all weights, as Keras's {@code count_params()}. */
    public long countParams() {
        return count(weights());
    }

    /** Number of scalars in the trainable weights. */
    public long countTrainableParams() {
        return count(parameters());
    }

    private static long count(List<Parameter> ps) {
        long n = 0;
        for (Parameter p : ps) {
            n += p.value().size();
        }
        return n;
    }

    /**
     * A weight as the graph should see it: the parameter itself, or when the layer is frozen a
     * constant with the same (shared) value, so that backpropagation leaves it alone.
     */
    protected final Variable weight(Parameter p) {
        return trainable ? p : Variable.constant(p.value());
    }

    /** Clears state carried between batches (stateful recurrent layers); a no-op for most layers. */
    public void resetStates() {
    }

    // ---- specification ----------------------------------------------------------------------

    /** The layer's specification, e.g. {@code LSTM(64, return_sequences=true)}; parsing it gives an equal layer. */
    public abstract String spec();

    /**
     * {@code Type(arg, key=value, ...)} from the non-null parts, with {@code trainable=false}
     * appended when the layer is frozen; just {@code Type} when there is nothing to write.
     */
    protected final String specOf(String... args) {
        List<String> parts = new ArrayList<>();
        for (String a : args) {
            if (a != null) {
                parts.add(a);
            }
        }
        if (!trainable) {
            parts.add("trainable=false");
        }
        return parts.isEmpty() ? type() : type() + "(" + String.join(", ", parts) + ")";
    }

    /** A number as a specification writes it: {@code 0.5}, {@code 1e-05}, {@code 3}. */
    protected static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        String s = Double.toString(v); // shortest text that parses back to v
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    // ---- checks ------------------------------------------------------------------------------

    protected final void requireBuilt(String what) {
        if (inputShape == null) {
            throw new IllegalStateException(what + ": layer " + name + " (" + type() + ") is not built yet;"
                    + " call build(...) or run it on data first");
        }
    }

    /**
     * Checks an input against the built input shape: same rank (batch first), equal size in every
     * known dimension, and the weights' element type. Layers that act on the last dimension only
     * (Dense) use {@link #checkFeatures}.
     */
    protected final void checkInput(Tensor x) {
        requireBuilt("forward");
        int[] s = x.shape();
        if (s.length != inputShape.length + 1) {
            throw new IllegalArgumentException(type() + " input has shape " + x.shapeString() + " (rank " + s.length
                    + ") but the layer was built for inputs of shape " + batchShape(inputShape) + " (rank "
                    + (inputShape.length + 1) + ", batch first)");
        }
        if (inputShape.length > 0) {
            checkFeatures(x);
        } else {
            checkType(x);
        }
        for (int i = 0; i < inputShape.length - 1; i++) {
            if (inputShape[i] != -1 && s[i + 1] != inputShape[i] && i == 0 && s.length == 3) {
                throw new IllegalArgumentException(type() + " input has " + s[1] + " steps but the layer was built for "
                        + inputShape[0] + " (input shape " + x.shapeString() + "). Possible cause: sequences of another"
                        + " length than the model was built for; pad or cut them to " + inputShape[0] + " steps");
            }
            if (inputShape[i] != -1 && s[i + 1] != inputShape[i]) {
                throw new IllegalArgumentException(type() + " input has size " + s[i + 1] + " in dimension " + (i + 1)
                        + " but the layer was built for " + inputShape[i] + " (input shape " + x.shapeString()
                        + ", built for " + batchShape(inputShape) + ")");
            }
        }
    }

    /** Checks the last dimension of an input against the built one, and the weights' element type. */
    protected final void checkFeatures(Tensor x) {
        requireBuilt("forward");
        int[] s = x.shape();
        int built = inputShape.length == 0 ? -1 : inputShape[inputShape.length - 1];
        if (s.length < 2) {
            throw new IllegalArgumentException(type() + " input has shape " + x.shapeString()
                    + " but needs a batch dimension first, e.g. [batch, features]");
        }
        int got = s[s.length - 1];
        if (built != -1 && got != built) {
            throw new IllegalArgumentException(type() + " input has " + got + " features" + (s.length > 2 ? " per step" : "")
                    + " but the layer was built for " + built + " (input shape " + x.shapeString() + ").");
        }
        checkType(x);
    }

    /** Checks that an input has the element type of the layer's weights (if it has any). */
    private void checkType(Tensor x) {
        if (!weights.isEmpty() && weights.get(0).value().dtype() != x.dtype()) {
            throw new IllegalArgumentException(type() + " input is " + x.dtype() + " but the layer's weights are "
                    + weights.get(0).value().dtype() + "; convert the input with to(DType." + weights.get(0).value().dtype().name()
                    + ") or build the layer with that element type");
        }
    }

    /** Shapes are compatible when equal, where -1 matches any size. */
    private static boolean compatible(int[] built, int[] given) {
        if (built.length != given.length) {
            return false;
        }
        for (int i = 0; i < built.length; i++) {
            if (built[i] != -1 && given[i] != -1 && built[i] != given[i]) {
                return false;
            }
        }
        return true;
    }

    /** Shape with the batch dimension shown as Keras does: {@code (None, 100, 5)}. */
    public static String batchShape(int[] shape) {
        if (shape.length == 0) {
            return "(None,)";
        }
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shape) {
            sb.append(", ").append(d < 0 ? "None" : Integer.toString(d));
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return name + " (" + type() + ")" + (isBuilt() ? " " + batchShape(inputShape) + " -> " + batchShape(outputShape) : "");
    }
}
