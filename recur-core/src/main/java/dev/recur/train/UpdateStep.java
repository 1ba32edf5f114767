package dev.recur.train;

import dev.recur.autodiff.Variable;
import dev.recur.optim.Optimizer;

/**
 * One optimizer update from a batch's loss, the same for every fit loop: backward, clipping,
 * the learning-rate schedule, then the step. A non-finite loss or gradient norm applies no
 * update (Keras would apply it and poison every weight); TerminateOnNaN then stops the run.
 *
 * @param loss     the batch loss
 * @param gradNorm the global gradient norm before clipping (0 without clipping, NaN when not computed)
 */
record UpdateStep(double loss, double gradNorm) {

    /** Runs the update for {@code loss}; the caller zeroed the gradients before its forward pass. */
    static UpdateStep apply(Variable loss, Optimizer optimizer, FitOptions options) {
        double lossValue = loss.value().item();
        if (!Double.isFinite(lossValue)) {
            return new UpdateStep(lossValue, Double.NaN);
        }
        loss.backward();
        double gradNorm = options.clipping() == null ? 0.0 : options.clipping().clip(optimizer.parameters());
        if (Double.isFinite(gradNorm)) {
            if (options.schedule() != null) {
                optimizer.setLearningRate(options.schedule().lr(Math.toIntExact(optimizer.iterations())));
            }
            optimizer.step();
        }
        return new UpdateStep(lossValue, gradNorm);
    }
}
