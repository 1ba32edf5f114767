package dev.recur.train;

import dev.recur.loss.Loss;
import dev.recur.loss.SparseCategoricalCrossEntropy;

/**
 * The loss of one output of a model with several outputs, and its weight in the total loss
 * (Keras's {@code loss_weights}): total = sum of weight * loss over the outputs.
 */
public final class OutputLoss {

    private final Objective objective;
    private final double weight;

    private OutputLoss(Objective objective, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("OutputLoss: weight must be finite and at least 0 but got " + weight);
        }
        this.objective = objective;
        this.weight = weight;
    }

    /** A loss on targets shaped like the output, weight 1. */
    public static OutputLoss of(Loss loss) {
        return of(loss, 1.0);
    }

    public static OutputLoss of(Loss loss, double weight) {
        return new OutputLoss(Objective.of(loss), weight);
    }

    /** A loss on class-index targets, weight 1. */
    public static OutputLoss of(SparseCategoricalCrossEntropy loss) {
        return of(loss, 1.0);
    }

    public static OutputLoss of(SparseCategoricalCrossEntropy loss, double weight) {
        return new OutputLoss(Objective.of(loss), weight);
    }

    Objective objective() {
        return objective;
    }

    public double weight() {
        return weight;
    }

    @Override
    public String toString() {
        return objective.description() + " x " + weight;
    }
}
