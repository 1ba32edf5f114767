package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Mean squared error: per element {@code mean_f (y_f - t_f)^2} over the last dimension, then
 * reduced over the batch (Keras {@code MeanSquaredError}; equal to PyTorch's {@code MSELoss}
 * whenever nothing is masked or weighted).
 */
public record MeanSquaredError(Reduction reduction) implements Loss {

    static final String NAME = "MeanSquaredError";

    public MeanSquaredError {
        Labels.setting(NAME, "reduction", reduction, "Reduction.MEAN, SUM or NONE");
    }

    /** With {@link Reduction#MEAN}. */
    public MeanSquaredError() {
        this(Reduction.MEAN);
    }

    @Override
    public Variable apply(Variable predictions, Tensor targets, Weighting weighting) {
        Elements e = Elements.of(NAME, predictions, weighting);
        Tensor t = Labels.finite(NAME, predictions, targets, e); // predictions' shape
        Variable perElement = predictions.sub(Variable.constant(t)).square().mean(-1);
        return e.reduce(perElement, reduction);
    }
}
