package dev.recur.nn;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stack of layers, each feeding the next, built from the input shape as in Keras. Layer names
 * are made unique the Keras way: {@code dense}, {@code dense_1}, ...
 */
public final class Sequential implements Model {

    private final String name;
    private final List<Layer> layers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int[] inputShape; // without batch; null until built

    public Sequential(Layer... layers) {
        this("sequential", layers);
    }

    public Sequential(String name, Layer... layers) {
        this.name = name;
        for (Layer l : layers) {
            add(l);
        }
    }

    /** Appends a layer; it takes a unique name ({@code dense}, then {@code dense_1}, ...). */
    public Sequential add(Layer layer) {
        if (inputShape != null) {
            throw new IllegalStateException("cannot add layer " + layer.type() + " to model " + name + " after it was built");
        }
        for (Layer l : layers) {
            if (l == layer) {
                throw new IllegalArgumentException("layer " + layer.name() + " (" + layer.type() + ") is already in model "
                        + name + "; a layer owns its weights, so create a new one for each use");
            }
        }
        String base = layer.name();
        String unique = base;
        for (int i = 1; names.contains(unique); i++) {
            unique = base + "_" + i;
        }
        if (!unique.equals(base)) {
            layer.setName(unique);
        }
        names.add(unique);
        layers.add(layer);
        return this;
    }

    public String name() {
        return name;
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Builds every layer for inputs of this shape (batch excluded); returns the model's output shape. */
    public int[] build(BuildContext ctx, int... shape) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("model " + name + " has no layers; add at least one before building");
        }
        int[] s = shape.clone();
        for (Layer l : layers) {
            s = l.build(ctx, s);
        }
        inputShape = shape.clone();
        return s;
    }

    public boolean isBuilt() {
        return inputShape != null;
    }

    /** Input shape without the batch dimension. */
    public int[] inputShape() {
        requireBuilt("inputShape");
        return inputShape.clone();
    }

    /** Output shape without the batch dimension. */
    public int[] outputShape() {
        requireBuilt("outputShape");
        return layers.get(layers.size() - 1).outputShape();
    }

    /** Runs every layer in order on a batch whose shape matches the built input shape. */
    public Masked forward(Masked input, Context ctx) {
        requireBuilt("forward");
        int[] s = input.value().value().shape();
        boolean ok = s.length == inputShape.length + 1;
        for (int i = 0; ok && i < inputShape.length; i++) {
            ok = inputShape[i] == -1 || inputShape[i] == s[i + 1];
        }
        if (!ok) {
            throw new IllegalArgumentException("model " + name + " was built for inputs of shape " + Layer.batchShape(inputShape)
                    + " but received a batch of shape " + input.value().value().shapeString());
        }
        Masked x = input;
        for (Layer l : layers) {
            x = l.forward(x, ctx);
        }
        return x;
    }

    /** Inference on a batch of data (no dropout, nothing recorded for gradients). */
    public Tensor predict(Tensor x) {
        try (var scope = GradMode.noGrad()) {
            return forward(Masked.of(Variable.constant(x)), Context.inference()).value().value();
        }
    }

    /** Every trainable weight, layer by layer: what an optimizer updates. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        return all;
    }

    /** Every weight, trainable or frozen, layer by layer: what a model file saves. */
    public List<Parameter> weights() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.weights());
        }
        return all;
    }

    /** Number of scalars in all weights. */
    public long countParams() {
        long n = 0;
        for (Layer l : layers) {
            n += l.countParams();
        }
        return n;
    }

    /** Number of scalars in the trainable weights. */
    public long countTrainableParams() {
        long n = 0;
        for (Layer l : layers) {
            n += l.countTrainableParams();
        }
        return n;
    }

    /** Clears carried state in every stateful layer. */
    public void resetStates() {
        layers.forEach(Layer::resetStates);
    }

    /**
     * The model's specification: {@code Input(...)} when built, then its layers' specifications,
     * separated by spaces, e.g. {@code "Input(5, 1) Flatten Dense(1)"}. Parsing it gives the same model.
     */
    public String spec() {
        StringBuilder sb = new StringBuilder();
        if (inputShape != null) {
            sb.append("Input(");
            for (int i = 0; i < inputShape.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(inputShape[i] == -1 ? "None" : Integer.toString(inputShape[i]));
            }
            sb.append(')');
        }
        for (Layer l : layers) {
            sb.append(sb.isEmpty() ? "" : " ").append(l.spec());
        }
        return sb.toString();
    }

    /** Keras's model summary table (see {@link Summary}). */
    public String summary() {
        return Summary.of(this);
    }

    private void requireBuilt(String what) {
        if (inputShape == null) {
            throw new IllegalStateException(what + ": model " + name + " is not built yet; call build(ctx, shape) first"
                    + " (or start its specification with Input(...))");
        }
    }
}
