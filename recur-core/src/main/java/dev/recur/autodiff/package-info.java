/**
 * Reverse-mode automatic differentiation over {@link dev.recur.tensor.Tensor}s.
 *
 * <p>A {@link dev.recur.autodiff.Variable} wraps a tensor; composing variables
 * ({@code x.matmul(w).add(b).tanh()}) records a graph of {@link dev.recur.autodiff.Function}s,
 * and {@link dev.recur.autodiff.Variable#backward()} sweeps it in reverse topological order
 * without recursion, so unrolled sequences of any length backpropagate. Inside
 * {@link dev.recur.autodiff.GradMode#noGrad()} nothing is recorded (inference).
 *
 * <p>Every primitive lives in {@link dev.recur.autodiff.ops}, forward and backward side by side,
 * and works in float32 and float64; {@link dev.recur.autodiff.GradientCheck} proves each
 * backward against finite differences in float64.
 */
package dev.recur.autodiff;
