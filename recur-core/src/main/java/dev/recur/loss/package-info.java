/**
 * Loss functions: each turns a batch of predictions and targets into a scalar
 * {@link dev.recur.autodiff.Variable} to call {@code backward()} on.
 *
 * <p>Semantics follow Keras 3, so that numbers carry over from its documentation:
 * <ul>
 *   <li>The last dimension of the predictions holds the features (regression, binary) or the
 *       classes (categorical); each loss first reduces it, giving one loss per <em>element</em>:
 *       per sample for {@code [batch, features]}, per step for {@code [batch, time, features]}.</li>
 *   <li>A {@link dev.recur.loss.Weighting} adds a 0/1 mask over the elements (padded steps of a
 *       sequence) and per-sample or per-step weights; {@link dev.recur.loss.ClassWeights} weigh
 *       each element by its target class (Keras's {@code class_weight}).</li>
 *   <li>{@link dev.recur.loss.Reduction#MEAN} divides the weighted sum by the number of unmasked,
 *       non-ignored elements (not by the sum of weights; PyTorch's class-weighted mean differs
 *       there); a fully masked batch gives loss 0 and gradient 0.</li>
 * </ul>
 *
 * <p>Cross-entropies take {@link dev.recur.loss.Predictions#LOGITS} (recommended, computed
 * stably for any magnitude) or {@link dev.recur.loss.Predictions#PROBABILITIES} (clipped to
 * [1e-7, 1 - 1e-7] like Keras). Sparse categorical cross-entropy from logits, the
 * language-model hot path, is one fused op over the {@code [rows, classes]} logits.
 *
 * <p>Targets are data: they are validated at the boundary (shapes, class indices, ranges) with
 * messages that name the loss, what was expected and what was received, and they receive no
 * gradient. Masked elements are neither validated nor read by the fused op.
 */
package dev.recur.loss;
