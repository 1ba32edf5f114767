/**
 * Reverse-mode automatic differentiation: {@link dev.recur.autodiff.Variable} (a tensor in the graph
 * with its gradient), {@link dev.recur.autodiff.Parameter} (a named trainable variable), recorded
 * functions with forward and backward side by side, {@link dev.recur.autodiff.GradMode} for
 * inference that records nothing, and {@link dev.recur.autodiff.Backprop}, the backward sweep.
 *
 * <p>Depends only on {@link dev.recur.tensor} and {@link dev.recur.kernel}.
 */
package dev.recur.autodiff;
