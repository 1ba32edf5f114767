package dev.recur.train;

import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * Keras's {@code fit(class_weight=...)}: every element of the loss (a sample, or a step of a
 * sequence) weighs as much as its target class, passed to the loss as sample weights. The class
 * of an element is its class index (sparse targets), the argmax of its one-hot row, or for a
 * single output (binary) its target rounded to 0 or 1, as Keras reads it.
 */
final class ClassWeighting {

    private final double[] weights; // [classes]

    ClassWeighting(double[] weights) {
        this.weights = weights.clone();
    }

    /** Number of classes of outputs of this shape: the last dimension, or 2 for a single (binary) output. */
    static int classes(int[] outputShape) {
        int last = outputShape[outputShape.length - 1];
        return last == 1 ? 2 : last;
    }

    /** Checks the weights against the model and every target before training. */
    void check(Objective objective, Tensor y, int[] outputShape, String what) {
        int classes = classes(outputShape);
        if (weights.length != classes) {
            throw new IllegalArgumentException(what + ": " + weights.length + " class weights given but the model's outputs"
                    + " of shape " + Shapes.str(outputShape) + " have " + classes + " classes"
                    + (outputShape[outputShape.length - 1] == 1 ? " (one output: binary, classes 0 and 1)" : "")
                    + "; give one weight per class");
        }
        sampleWeights(objective, y, outputShape, what); // rejects targets without a class
    }

    /**
     * The weight of every element of these targets.
     *
     * @param targets normalized targets // [batch] + targetShape
     * @return // [batch] or [batch, time]: the targets' element shape
     */
    Tensor sampleWeights(Objective objective, Tensor targets, int[] outputShape, String what) {
        Tensor t = targets.contiguous();
        int width = objective.takesClassIndices() ? 1 : outputShape[outputShape.length - 1];
        int[] shape = objective.takesClassIndices() ? t.shape() : Arrays.copyOf(t.shape(), t.rank() - 1);
        Tensor out = Tensor.zeros(DType.FLOAT64, shape);
        double[] w = out.doubles();
        for (int e = 0; e < w.length; e++) {
            w[e] = weight(classOf(objective, t, e, width, what, shape));
        }
        return out;
    }

    private int classOf(Objective objective, Tensor t, int e, int width, String what, int[] shape) {
        if (objective.takesClassIndices()) {
            double v = t.getFlat(e);
            return v >= 0 && v < weights.length ? (int) v : -1; // the ignore index: the loss skips it
        }
        if (width > 1) {
            int best = 0;
            for (int j = 1; j < width; j++) {
                if (t.getFlat(e * width + j) > t.getFlat(e * width + best)) {
                    best = j;
                }
            }
            return best;
        }
        double rounded = Math.rint(t.getFlat(e));
        if (rounded != 0 && rounded != 1) {
            int perSample = Math.max(1, Shapes.size(shape) / Math.max(1, shape[0]));
            throw new IllegalArgumentException(what + ": class weights need binary targets 0 or 1 for a single output,"
                    + " but sample " + e / perSample + " has target " + t.getFlat(e)
                    + ". Possible cause: regression targets; class weights apply to classification only");
        }
        return (int) rounded;
    }

    private double weight(int c) {
        return c < 0 ? 1.0 : weights[c];
    }
}
