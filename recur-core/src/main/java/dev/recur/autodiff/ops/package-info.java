/**
<<<<<<< HEAD
 * The primitive operations of the autodiff graph, one class each: a static {@code apply} runs
 * the forward pass on tensors and records the op; {@code backward} sits right below it, with the
 * derivative in a one-line comment, and accumulates into each input that needs a gradient.
 * Binary elementwise ops broadcast like NumPy and sum their gradients back to each input's
 * shape ({@link dev.recur.tensor.Tensor#sumTo}). Users reach them through the methods of
 * {@link dev.recur.autodiff.Variable}.
=======
 * The primitive differentiable operations, one class each, forward and backward side by side with
 * the gradient equation in a one-line comment. Each is gradient-checked in float64.
>>>>>>> tensor
 */
package dev.recur.autodiff.ops;
