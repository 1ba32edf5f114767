package dev.recur.nn;

import java.util.Objects;

/**
 * Applies an activation function on its own (Keras's {@code Activation("relu")} layer, named
 * {@code activation} in a model); keeps the shape and the sequence mask.
 */
public final class ActivationLayer extends Layer {

    private final Activation activation;

    public ActivationLayer(Activation activation) {
        super("activation");
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String type() {
        return "Activation";
    }

    public Activation activation() {
        return activation;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        checkInput(input.value().value());
        return input.with(activation.apply(input.value()));
    }

    @Override
    public String spec() {
        return specOf(activation.kerasName());
    }
}
