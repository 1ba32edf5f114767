/**
 * Numerical kernels: the one interface ({@link dev.recur.kernel.Kernels}) every tensor operation runs
 * on, its plain-Java definition ({@link dev.recur.kernel.ReferenceKernels}), the Vector API backend
 * used by default, the backend switch ({@link dev.recur.kernel.Backend}) and the thread pool
 * ({@link dev.recur.kernel.Parallel}).
 *
 * <p>Kernels work on dense row-major arrays given as (array, offset, leading dimension); they know
 * nothing of tensors, and their results do not depend on the thread count. This package imports
 * nothing else from Recur.
 */
package dev.recur.kernel;
