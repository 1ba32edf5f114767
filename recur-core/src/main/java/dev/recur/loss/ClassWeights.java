package dev.recur.loss;

import java.util.Arrays;

/**
 * A weight per class, multiplying the loss of every element whose target is that class
 * (Keras's {@code class_weight}): for an imbalanced data set, weigh the rare classes up.
 * Immutable; {@link #NONE} weighs every class 1.
 */
public final class ClassWeights {

    /** Every class weighs 1. */
    public static final ClassWeights NONE = new ClassWeights(new double[0]);

    private final double[] weights; // [classes], empty for NONE

    private ClassWeights(double[] weights) {
        this.weights = weights;
    }

    /** Weights for classes 0, 1, ...; each finite and non-negative. */
    public static ClassWeights of(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("ClassWeights: no weights given; use ClassWeights.NONE to weigh every class 1");
        }
        for (int c = 0; c < weights.length; c++) {
            if (!(Double.isFinite(weights[c]) && weights[c] >= 0)) {
                throw new IllegalArgumentException("ClassWeights: class " + c + " has weight " + weights[c]
                        + "; weights must be finite and non-negative");
            }
        }
        return new ClassWeights(weights.clone());
    }

    /** Whether this is {@link #NONE}. */
    public boolean isNone() {
        return weights.length == 0;
    }

    /** Number of classes weighed (0 for {@link #NONE}). */
    public int size() {
        return weights.length;
    }

    /** The weight of class {@code c}; 1 for {@link #NONE}. */
    public double weight(int c) {
        return isNone() ? 1.0 : weights[c];
    }

    /** Checks that there is one weight per class, unless this is {@link #NONE}. */
    void checkClasses(String loss, int classes, int[] predictionShape) {
        if (!isNone() && weights.length != classes) {
            throw new IllegalArgumentException(loss + ": " + weights.length + " class weights given but the predictions"
                    + " have " + classes + " classes (shape " + Arrays.toString(predictionShape) + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassWeights other && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return isNone() ? "ClassWeights.NONE" : "ClassWeights" + Arrays.toString(weights);
    }
}
