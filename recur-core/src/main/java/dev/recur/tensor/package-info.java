/**
 * N-dimensional float32/float64 arrays ({@link dev.recur.tensor.Tensor}): views with shape, strides
 * and offset; NumPy broadcasting; matrix products; reductions and the softmax family.
 *
 * <p>Shapes are batch-first ({@code [batch, time, features]}). Views (reshape of a dense tensor,
 * transpose, slice, select, unsqueeze) share data; computing operations return new dense tensors.
 * Shape errors name the operation and every shape involved. Depends only on
 * {@link dev.recur.kernel}.
 */
package dev.recur.tensor;
