package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack of layers, each feeding the next, built lazily from the first input shape as in Keras.
 * Layer names are made unique the Keras way: {@code dense}, {@code dense_1}, ...
 */
public final class Sequential implements Model {

    private final String name;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
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

    /** Appends a layer; it takes a unique name. */
    public Sequential add(Layer layer) {
        if (inputShape != null) {
            throw new IllegalStateException("cannot add layer " + layer.type() + " to model " + name + " after it was built");
        }
        String base = layer.name();
        int n = nameCounts.merge(base, 1, Integer::sum);
        if (n > 1) {
            layer.setName(base + "_" + (n - 1));
        }
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
        if (inputShape == null) {
            throw new IllegalStateException("model " + name + " is not built yet; call build(...) first");
        }
        return inputShape.clone();
    }

    /** Output shape without the batch dimension. */
    public int[] outputShape() {
        inputShape();
        return layers.get(layers.size() - 1).outputShape();
    }

    /** Runs every layer in order. */
    public Masked forward(Masked input, Context ctx) {
        inputShape();
        Masked x = input;
        for (Layer l : layers) {
            x = l.forward(x, ctx);
        }
        return x;
    }

    /** Inference on a batch of data. */
    public Tensor predict(Tensor x) {
        try (var scope = dev.recur.autodiff.GradMode.noGrad()) {
            return forward(Masked.of(Variable.constant(x)), Context.inference()).value().value();
        }
    }

    /** Every trainable weight, layer by layer. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        return all;
    }

    public long countParams() {
        long n = 0;
        for (Layer l : layers) {
            n += l.countParams();
        }
        return n;
    }

    /** Clears carried state in every stateful layer. */
    public void resetStates() {
        layers.forEach(Layer::resetStates);
    }

    /** The model's specification: its layers' specifications separated by spaces. */
    public String spec() {
        StringBuilder sb = new StringBuilder();
        for (Layer l : layers) {
            sb.append(sb.isEmpty() ? "" : " ").append(l.spec());
        }
        return sb.toString();
    }

    /** Keras's model summary table. */
    public String summary() {
        return Summary.of(this);
    }
}
