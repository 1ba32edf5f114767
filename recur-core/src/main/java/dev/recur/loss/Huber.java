package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Huber loss: per entry, with {@code d = y - t}, {@code 0.5 d^2} where {@code |d| <= delta} and
 * {@code delta (|d| - 0.5 delta)} beyond, averaged over the last dimension, then reduced over the
 * batch (Keras {@code Huber}, PyTorch {@code HuberLoss}). Quadratic near the target, linear for
 * outliers, so that one bad point in a series cannot dominate the gradient.
 */
public record Huber(double delta, Reduction reduction) implements Loss {

    static final String NAME = "Huber";

    public Huber {
        if (!(delta > 0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException(NAME + ": delta must be positive and finite but is " + delta);
        }
        Labels.setting(NAME, "reduction", reduction, "Reduction.MEAN, SUM or NONE");
    }

    /** With {@link Reduction#MEAN}. */
    public Huber(double delta) {
        this(delta, Reduction.MEAN);
    }

    /** delta = 1 (the Keras and PyTorch default) with {@link Reduction#MEAN}. */
    public Huber() {
        this(1.0, Reduction.MEAN);
    }

    @Override
    public Variable apply(Variable predictions, Tensor targets, Weighting weighting) {
        Elements e = Elements.of(NAME, predictions, weighting);
        Tensor t = Labels.finite(NAME, predictions, targets, e); // predictions' shape
        Variable a = predictions.sub(Variable.constant(t)).abs();
        // q = min(|d|, delta): 0.5 q^2 + delta (|d| - q) is 0.5 d^2 inside, delta |d| - 0.5 delta^2 outside
        Variable q = a.minimum(Variable.constant(Tensor.scalar(t.dtype(), delta)));
        Variable perEntry = q.square().mul(0.5).add(a.sub(q).mul(delta));
        return e.reduce(perEntry.mean(-1), reduction);
    }
}
