package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Mean absolute error: per element {@code mean_f |y_f - t_f|} over the last dimension, then
 * reduced over the batch (Keras {@code MeanAbsoluteError}, PyTorch {@code L1Loss}). Where a
 * prediction equals its target the gradient is 0.
 */
public record MeanAbsoluteError(Reduction reduction) implements Loss {

    static final String NAME = "MeanAbsoluteError";

    public MeanAbsoluteError {
        Labels.setting(NAME, "reduction", reduction, "Reduction.MEAN, SUM or NONE");
    }

    /** With {@link Reduction#MEAN}. */
    public MeanAbsoluteError() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable apply(Variable predictions, Tensor targets, Weighting weighting) {
        Elements e = Elements.of(NAME, predictions, weighting);
        Tensor t = Labels.finite(NAME, predictions, targets, e); // predictions' shape
        Variable perElement = predictions.sub(Variable.constant(t)).abs().mean(-1);
        return e.reduce(perElement, reduction);
    }
}
