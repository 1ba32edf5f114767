package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.Shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A layer: built lazily from the shape of its first input (like Keras), then called on batches.
 *
 * <p>Shapes here exclude the batch dimension: an LSTM over 100 steps of 5 features has input
 * shape {@code [100, 5]}. A dimension of -1 is unknown until data arrives (the time length of a
 * model built from a specification without {@code Input}), as Keras prints {@code None}.
 */
public abstract class Layer {

    private String name;
    private int[] inputShape;  // without batch; null until built
    private int[] outputShape; // without batch; null until built
    private final List<Parameter> parameters = new ArrayList<>();

    protected Layer(String name) {
        this.name = name;
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
            throw new IllegalStateException("cannot rename layer " + name + " after it was built");
        }
        this.name = newName;
    }

    /**
     * Creates the weights for inputs of this shape (batch excluded) and returns the output shape.
     * Called once; later calls must give the same shape.
     */
    public final int[] build(BuildContext ctx, int... shape) {
        if (inputShape != null) {
            if (!compatible(inputShape, shape)) {
                throw new IllegalArgumentException(type() + " layer " + name + " was built for inputs of shape "
                        + batchShape(inputShape) + " but received " + batchShape(shape));
            }
            return outputShape.clone();
        }
        int[] out = doBuild(ctx, shape.clone());
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

    /** Creates a trainable weight named {@code <layer>/<localName>}. */
    protected final Parameter addParameter(String localName, BuildContext ctx, Initializer init, int... shape) {
        Parameter p = new Parameter(name + "/" + localName, init.create(ctx.dtype(), ctx.rng(), shape));
        parameters.add(p);
        return p;
    }

    /** Adopts the weights of a layer this one wraps (Bidirectional, TimeDistributed). */
    protected final void addParameters(List<Parameter> inner) {
        parameters.addAll(inner);
    }

    /** The trainable weights, in creation order. */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Number of trainable scalars, as in Keras's summary. */
    public long countParams() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.value().size();
        }
        return n;
    }

    /** Clears state carried between batches (stateful recurrent layers); a no-op for most layers. */
    public void resetStates() {
    }

    /** The layer's specification, e.g. {@code LSTM(64, return_sequences=true)}; parsing it gives an equal layer. */
    public abstract String spec();

    protected final void requireBuilt(String what) {
        if (inputShape == null) {
            throw new IllegalStateException(what + ": layer " + name + " (" + type() + ") is not built yet;"
                    + " call build(...) or run it on data first");
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
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shape) {
            sb.append(", ").append(d < 0 ? "None" : Integer.toString(d));
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return name + " (" + type() + ")" + (isBuilt() ? " " + Shapes.str(inputShape) + " -> " + Arrays.toString(outputShape) : "");
    }
}
