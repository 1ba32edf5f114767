package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * The elements one batch's loss is made of, the predictions' positions without their last
 * dimension ({@code [batch]} or {@code [batch, time]}), each with its weight (mask x sample weight
 * x class weight) and whether it counts in a mean. Built per call from a {@link Weighting}, which
 * it validates; finishes every loss with {@link #reduce}.
 */
final class Elements {

    private final int[] shape;       // the predictions' shape without the last dimension
    private final double[] weights;  // [size(shape)] row-major; 0 drops the element
    private final boolean[] counted; // [size(shape)] unmasked and not ignored: counts in a mean
    private int count;               // number of counted elements
    private boolean uniform = true;  // every weight 1 and nothing dropped: no weighting op needed

    private Elements(int[] shape) {
        this.shape = shape;
        int n = Shapes.size(shape);
        this.weights = new double[n];
        this.counted = new boolean[n];
        Arrays.fill(weights, 1.0);
        Arrays.fill(counted, true);
        this.count = n;
    }

    /** The elements of these predictions, with the mask and sample weights of {@code weighting} applied. */
    static Elements of(String loss, Variable predictions, Weighting weighting) {
        Labels.notNull(loss, "predictions", predictions);
        Labels.notNull(loss, "weighting", weighting);
        int[] p = predictions.value().shape();
        if (p.length < 2) {
            throw new IllegalArgumentException(loss + ": predictions of shape " + Shapes.str(p) + " have no feature or"
                    + " class dimension; expected [batch, features] or [batch, time, features]. Possible cause: a [batch]"
                    + " output; reshape it to [batch, 1]");
        }
        Elements e = new Elements(Arrays.copyOf(p, p.length - 1));
        if (weighting.mask() != null) {
            e.applyMask(loss, weighting.mask(), p);
        }
        if (weighting.sampleWeights() != null) {
            e.applySampleWeights(loss, weighting.sampleWeights(), p);
        }
        return e;
    }

    private void applyMask(String loss, Tensor mask, int[] predictionShape) {
        if (!mask.hasShape(shape)) {
            throw new IllegalArgumentException(loss + ": the mask has shape " + mask.shapeString() + " but the losses are"
                    + " per element of shape " + Shapes.str(shape) + " (the predictions' shape "
                    + Shapes.str(predictionShape) + " without its last dimension); pass a mask of shape " + Shapes.str(shape));
        }
        for (int i = 0; i < weights.length; i++) {
            double m = mask.getFlat(i);
            if (m == 0.0) {
                drop(i);
            } else if (m != 1.0) {
                throw new IllegalArgumentException(loss + ": mask values must be 0 or 1 but the mask holds " + m + " at "
                        + Labels.position(i, shape) + " (mask of shape " + Shapes.str(shape) + ")");
            }
        }
    }

    private void applySampleWeights(String loss, Tensor sampleWeights, int[] predictionShape) {
        boolean perSample = sampleWeights.hasShape(shape[0]);
        boolean perElement = sampleWeights.hasShape(shape);
        if (!perSample && !perElement) {
            throw new IllegalArgumentException(loss + ": sample weights have shape " + sampleWeights.shapeString()
                    + " but expected [" + shape[0] + "] (one per sample) or " + Shapes.str(shape) + " (one per element)"
                    + " for predictions of shape " + Shapes.str(predictionShape));
        }
        int perRow = perElement || shape[0] == 0 ? 1 : weights.length / shape[0]; // elements sharing one weight
        for (int i = 0; i < weights.length; i++) {
            int at = i / perRow;
            double w = sampleWeights.getFlat(at);
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException(loss + ": sample weight " + w + " at "
                        + Labels.position(at, sampleWeights.shape()) + " is not finite");
            }
            weights[i] *= w;
        }
        uniform = false;
    }

    /** Number of elements (masked ones included). */
    int size() {
        return weights.length;
    }

    /** The elements' shape: the predictions' shape without the last dimension. */
    int[] shape() {
        return shape.clone();
    }

    /** Whether element {@code i} takes part in the loss (it is not masked and not ignored). */
    boolean counted(int i) {
        return counted[i];
    }

    /** Drops element {@code i}: weight 0, not counted in a mean (a masked step, an ignored target). */
    void drop(int i) {
        if (counted[i]) {
            counted[i] = false;
            count--;
        }
        weights[i] = 0.0;
        uniform = false;
    }

    /** Multiplies element {@code i}'s weight by {@code w} (its class weight). */
    void scale(int i, double w) {
        weights[i] *= w;
        uniform &= w == 1.0;
    }

    /** The weights, row-major over {@link #shape()}; the array itself (ops keep it for backward). */
    double[] weights() {
        return weights;
    }

    /** Weighs the per-element losses (exact zeros where dropped) and reduces them. */
    Variable reduce(Variable losses, Reduction reduction) { // losses: [shape]
        return reduceWeighted(uniform ? losses : Weighted.apply(losses, weights), reduction);
    }

    /** Reduces per-element losses that already carry their weights (the fused sparse op). */
    Variable reduceWeighted(Variable weighted, Reduction reduction) { // weighted: [shape]
        return switch (reduction) {
            case NONE -> weighted;
            case SUM -> weighted.sum();
            case MEAN -> weighted.sum().mul(count > 0 ? 1.0 / count : 0.0); // nothing counted: 0, gradient 0
        };
    }
}
