package dev.recur.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by tensor operations: sizes, strides, broadcasting, formatting. */
public final class Shapes {

    private Shapes() {
    }

    /** Formats a shape as {@code [2, 3]}. */
    public static String str(int... shape) {
        return Arrays.toString(shape);
    }

    /** Number of elements, checked against int overflow. */
    public static int size(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + str(shape) + " has a negative dimension");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Row-major strides of a dense tensor of this shape. */
    public static int[] contiguousStrides(int... shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Resolves a possibly negative dimension index (-1 is the last) against a rank. */
    public static int axis(String op, int dim, int rank) {
        int a = dim < 0 ? dim + rank : dim;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a tensor of rank " + rank
                    + (rank == 0 ? " (a scalar has no dimensions)" : " (valid: " + -rank + ".." + (rank - 1) + ")"));
        }
        return a;
    }

    /**
     * The broadcast shape of two shapes under NumPy rules (align trailing dimensions; a
     * dimension of 1 stretches). The error names the operation and both shapes.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast together (dimension " + i + ": " + da + " vs " + db
                        + "); trailing dimensions must be equal or 1");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }
}
