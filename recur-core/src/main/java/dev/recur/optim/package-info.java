/**
 * Optimizers, learning-rate schedules and gradient clipping.
 *
 * <p><b>Optimizers.</b> A configuration record ({@link dev.recur.optim.Sgd},
 * {@link dev.recur.optim.RmsProp}, {@link dev.recur.optim.Adam}, {@link dev.recur.optim.AdamW},
 * {@link dev.recur.optim.Adagrad}), validated when built and defaulting to Keras's values, makes
 * an {@link dev.recur.optim.Optimizer} over a list of parameters; the optimizer owns the state
 * (moments, step count, current rate), updates parameters in place without allocating, and
 * exports/imports its state as named tensors for checkpoints.
 *
 * <p><b>Conventions.</b> Update rules follow Keras 3 ({@code keras/src/optimizers/*.py}), since
 * the examples Recur's users learn from are Keras's; each record's documentation gives the rule
 * and where PyTorch ({@code torch/optim/*.py}) differs. In short:
 * <ul>
 *   <li>Epsilon: Adam adds it to {@code sqrt(v)} without bias correction (the paper's "epsilon
 *       hat"); RMSprop and Adagrad add it <em>inside</em> the square root. PyTorch adds it outside
 *       the root everywhere and uses 1e-8 (Adam, RMSprop) and 1e-10 (Adagrad) where Keras uses 1e-7.</li>
 *   <li>Momentum (SGD, RMSprop) accumulates steps ({@code v = mu * v - lr * g}); PyTorch
 *       accumulates gradients and multiplies by the current rate. Same trajectory at a constant
 *       rate, different when a schedule changes it.</li>
 *   <li>Weight decay (SGD, AdamW) is decoupled, {@code w -= lr * wd * w} before the update, as in
 *       Keras; PyTorch's SGD adds {@code wd * w} to the gradient instead.</li>
 *   <li>A parameter without a gradient is skipped; the step count is global (Keras).</li>
 * </ul>
 *
 * <p><b>Schedules.</b> {@link dev.recur.optim.LearningRateSchedule} maps a step (or epoch) to a
 * rate; {@link dev.recur.optim.ReduceLrOnPlateau} lowers it when a metric stalls.
 *
 * <p><b>Clipping.</b> {@link dev.recur.optim.GradientClipping} by value, per-parameter norm or
 * global norm, returning the norm before clipping so that NaN or infinite gradients are seen.
 */
package dev.recur.optim;
