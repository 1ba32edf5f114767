package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Applies a layer to every step of a sequence (Keras's TimeDistributed): {@code [batch, time, ...]}
 * is folded to {@code [batch*time, ...]}, the wrapped layer runs once on that, and the result is
 * unfolded to {@code [batch, time, ...]}. Its weights are the wrapped layer's, named
 * {@code time_distributed/dense/kernel} (the wrapper's name, then the inner layer's). Keeps the
 * sequence mask; the wrapped layer sees no mask.
 */
public final class TimeDistributed extends Layer {

    private final Layer layer;

    public TimeDistributed(Layer layer) {
        super("time_distributed");
        this.layer = Objects.requireNonNull(layer, "layer");
        if (layer.isBuilt()) {
            throw new IllegalArgumentException("TimeDistributed needs a new, unbuilt layer to wrap, but " + layer.name()
                    + " (" + layer.type() + ") is already built for " + batchShape(layer.inputShape()));
        }
    }

    @Override
    public String type() {
        return "TimeDistributed";
    }

    /** The wrapped layer. */
    public Layer layer() {
        return layer;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length < 2) {
            throw new IllegalArgumentException("TimeDistributed needs sequences [batch, time, ...] but the input shape is "
                    + batchShape(inputShape));
        }
        if (!layer.name().startsWith(name() + "/")) {
            layer.setName(name() + "/" + layer.name());
        }
        int[] inner = layer.build(ctx, Arrays.copyOfRange(inputShape, 1, inputShape.length));
        int[] out = new int[inner.length + 1];
        out[0] = inputShape[0];
        System.arraycopy(inner, 0, out, 1, inner.length);
        return out;
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkInput(x.value());
        int[] s = x.value().shape(); // [batch, time, rest...]
        int[] folded = new int[s.length - 1];
        folded[0] = s[0] * s[1];
        System.arraycopy(s, 2, folded, 1, s.length - 2);
        Variable y = layer.forward(Masked.of(x.reshape(folded)), ctx).value(); // [batch*time, out...]
        int[] ys = y.value().shape();
        int[] out = new int[ys.length + 1];
        out[0] = s[0];
        out[1] = s[1];
        System.arraycopy(ys, 1, out, 2, ys.length - 1);
        return input.with(y.reshape(out));
    }

    @Override
    public boolean isTrainable() {
        return layer.isTrainable();
    }

    /** Freezes or unfreezes the wrapped layer (a specification writes it on the inner layer). */
    @Override
    public void setTrainable(boolean trainable) {
        layer.setTrainable(trainable);
    }

    @Override
    public List<Parameter> parameters() {
        return layer.parameters();
    }

    @Override
    public List<Parameter> weights() {
        return layer.weights();
    }

    @Override
    public void resetStates() {
        layer.resetStates();
    }

    @Override
    public String spec() {
        return type() + "(" + layer.spec() + ")";
    }
}
