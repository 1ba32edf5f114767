package dev.recur.nn;

import dev.recur.autodiff.Parameter;

import java.util.List;

/**
 * What training, saving and loading need from a model: build it for an input shape, run it on a
 * batch, list its weights, clear carried state, and describe it as a specification string that
 * {@link dev.recur.nn.spec.LayerRegistry#parseModel} turns back into an equal, unbuilt model.
 *
 * <p>Shapes exclude the batch dimension, as in {@link Layer}. {@link Sequential} is the model
 * type there is now.
 */
public interface Model {

    /** Creates the weights for inputs of this shape (batch excluded); returns the output shape. */
    int[] build(BuildContext ctx, int... inputShape);

    /** Whether {@link #build} has run. */
    boolean isBuilt();

    /** Input shape without the batch dimension; fails before {@link #build}. */
    int[] inputShape();

    /** Output shape without the batch dimension; fails before {@link #build}. */
    int[] outputShape();

    /** Runs the model on a batch {@code [batch, ...]}. */
    Masked forward(Masked input, Context ctx);

    /** The weights an optimizer updates (frozen layers' excluded), with unique names, in a fixed order. */
    List<Parameter> parameters();

    /** Every weight, trainable or frozen, in a fixed order: what a model file saves. */
    List<Parameter> weights();

    /** Clears state carried between batches (stateful recurrent layers). */
    void resetStates();

    /**
     * The specification: {@code "Input(100, 5) LSTM(32) Dense(1)"} once built ({@code Input} gives
     * the input shape), the layers alone before.
     */
    String spec();

    /** Keras's summary table of this model (layers, output shapes, parameter counts); the model must be built. */
    String summary();
}
