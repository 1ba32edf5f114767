package dev.recur.kernel;

/** Whether a matrix operand of {@link Kernels#gemm} is read as stored ({@code N}) or transposed ({@code T}), as in BLAS. */
public enum Transpose {
    /** Use the matrix as stored. */
    N,
    /** Use the transpose of the stored matrix, without copying it. */
    T
}
