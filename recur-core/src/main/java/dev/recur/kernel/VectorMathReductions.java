package dev.recur.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision reductions ({@code sum}, {@code sumRows}) and the row-wise softmax family of
 * {@link VectorKernels}, accumulating in double on the Vector API.
 *
 * <p>The order of every addition is fixed by the shape of the input alone, never by the thread
 * count: {@code sum} adds {@value #SUM_CHUNK}-element chunk sums in chunk order; {@code sumRows}
 * adds the column sums of {@value #ROW_BLOCK}-row blocks in block order; a softmax row is
 * computed whole by one thread.
 */
final class VectorMathReductions {

    private static final VectorSpecies<Float> S = Activations.SPECIES;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats that widen into one double vector (8 with AVX-512). */
    private static final VectorSpecies<Float> H = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int HL = H.length();

    /** Elements per partial sum of {@link #sum}. */
    static final int SUM_CHUNK = 1 << 13;
    /** Rows per partial column sum of {@link #sumRows}. */
    static final int ROW_BLOCK = 1024;
    /** Columns per task of {@link #sumRows}, so that wide matrices split across threads too. */
    private static final int COL_BLOCK = 1024;

    private VectorMathReductions() {
    }

    // ---- sums -----------------------------------------------------------------------------------

    /** {@code sum_i x[off + i]}: chunk sums in double, added in chunk order. */
    static double sum(float[] x, int off, int n) {
        int chunks = (n + SUM_CHUNK - 1) / SUM_CHUNK;
        double[] partial = new double[chunks];
        Parallel.forRange(chunks, Math.max(1, VectorMath.CHEAP_GRAIN / SUM_CHUNK), (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                partial[c] = chunkSum(x, off + c * SUM_CHUNK, Math.min(SUM_CHUNK, n - c * SUM_CHUNK));
            }
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** {@code y[c] += sum_r x[r, c]}: per column, the sums of row blocks, added in block order. */
    static void sumRows(float[] x, int xOff, int rows, int cols, float[] y, int yOff) {
        if (rows == 0 || cols == 0) {
            return;
        }
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        int colBlocks = (cols + COL_BLOCK - 1) / COL_BLOCK;
        double[] partial = new double[blocks * cols]; // [blocks, cols]: column sums of each row block
        int taskSize = Math.min(rows, ROW_BLOCK) * Math.min(cols, COL_BLOCK);
        Parallel.forRange(blocks * colBlocks, Math.max(1, VectorMath.CHEAP_GRAIN / taskSize), (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                int b = t / colBlocks, c0 = (t % colBlocks) * COL_BLOCK;
                int r0 = b * ROW_BLOCK;
                blockColumnSums(x, xOff, cols, r0, Math.min(rows, r0 + ROW_BLOCK),
                                c0, Math.min(cols, c0 + COL_BLOCK), partial, b * cols);
            }
        });
        for (int b = 1; b < blocks; b++) {
            addInto(partial, b * cols, partial, 0, cols);
        }
        for (int c = 0; c < cols; c++) {
            y[yOff + c] += (float) partial[c];
        }
    }

    private static double chunkSum(float[] x, int off, int n) {
        DoubleVector a0 = DoubleVector.zero(D), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i + 4 * HL <= n; i += 4 * HL) {
            a0 = a0.add(widen(x, off + i));
            a1 = a1.add(widen(x, off + i + HL));
            a2 = a2.add(widen(x, off + i + 2 * HL));
            a3 = a3.add(widen(x, off + i + 3 * HL));
        }
        for (; i + HL <= n; i += HL) {
            a0 = a0.add(widen(x, off + i));
        }
        double s = lanesInOrder(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    /**
     * {@code partial[pOff + c] += sum_{r in [r0, r1)} x[r, c]} for c in [c0, c1), adding the rows
     * in order; four rows share one load and store of the partial sums.
     */
    private static void blockColumnSums(float[] x, int xOff, int cols, int r0, int r1, int c0, int c1,
                                        double[] partial, int pOff) {
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            int row = xOff + r * cols;
            int c = c0;
            for (; c + HL <= c1; c += HL) {
                DoubleVector.fromArray(D, partial, pOff + c)
                        .add(widen(x, row + c)).add(widen(x, row + cols + c))
                        .add(widen(x, row + 2 * cols + c)).add(widen(x, row + 3 * cols + c))
                        .intoArray(partial, pOff + c);
            }
            for (; c < c1; c++) {
                double s = partial[pOff + c]; // the same double additions, in the same order, as a vector lane
                s += x[row + c];
                s += x[row + cols + c];
                s += x[row + 2 * cols + c];
                s += x[row + 3 * cols + c];
                partial[pOff + c] = s;
            }
        }
        for (; r < r1; r++) {
            int row = xOff + r * cols;
            int c = c0;
            for (; c + HL <= c1; c += HL) {
                DoubleVector.fromArray(D, partial, pOff + c).add(widen(x, row + c)).intoArray(partial, pOff + c);
            }
            for (; c < c1; c++) {
                partial[pOff + c] += x[row + c];
            }
        }
    }

    private static void addInto(double[] a, int aOff, double[] y, int yOff, int n) {
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector.fromArray(D, y, yOff + i).add(DoubleVector.fromArray(D, a, aOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += a[aOff + i];
        }
    }

    private static DoubleVector widen(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(H, x, i).convertShape(VectorOperators.F2D, D, 0);
    }

    /** Adds the lanes first to last: {@code reduceLanes(ADD)} does not promise an order. */
    private static double lanesInOrder(DoubleVector v) {
        double s = 0;
        for (double lane : v.toArray()) {
            s += lane;
        }
        return s;
    }

    // ---- softmax family, one row per task -------------------------------------------------------

    static void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        Parallel.forRange(rows, rowGrain(cols), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                softmaxRow(x, xOff + r * cols, y, yOff + r * cols, cols);
            }
        });
    }

    static void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        Parallel.forRange(rows, rowGrain(cols), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                logSoftmaxRow(x, xOff + r * cols, y, yOff + r * cols, cols);
            }
        });
    }

    static void logSumExpRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        Parallel.forRange(rows, rowGrain(cols), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                float max = max(x, xOff + r * cols, cols);
                // a row of -inf (or an empty row) sums to 0: its log is -inf, not NaN
                y[yOff + r] = max == Float.NEGATIVE_INFINITY ? max
                        : (float) (max + Math.log(sumExp(x, xOff + r * cols, cols, max, null, 0)));
            }
        });
    }

    private static int rowGrain(int cols) {
        return Math.max(1, VectorMath.COSTLY_GRAIN / Math.max(1, cols));
    }

    private static void softmaxRow(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = max(x, xOff, n);
        FloatVector scale = FloatVector.broadcast(S, (float) (1.0 / sumExp(x, xOff, n, max, y, yOff)));
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, y, yOff + i).mul(scale).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, y, yOff + i, m).mul(scale).intoArray(y, yOff + i, m);
        }
    }

    private static void logSoftmaxRow(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = max(x, xOff, n);
        float logTotal = (float) Math.log(sumExp(x, xOff, n, max, null, 0));
        // x - max is exact for the entries that matter; x - (max + logTotal) would round max + logTotal
        FloatVector vMax = FloatVector.broadcast(S, max), vLog = FloatVector.broadcast(S, logTotal);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).sub(vMax).sub(vLog).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xOff + i, m).sub(vMax).sub(vLog).intoArray(y, yOff + i, m);
        }
    }

    /** {@code sum_i exp(x[off + i] - max)} in double; stores each exp into y too, unless y is null. */
    private static double sumExp(float[] x, int off, int n, float max, float[] y, int yOff) {
        FloatVector vMax = FloatVector.broadcast(S, max);
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector e = Activations.exp(FloatVector.fromArray(S, x, off + i).sub(vMax));
            if (y != null) {
                e.intoArray(y, yOff + i);
            }
            t0 = t0.add(e.convertShape(VectorOperators.F2D, D, 0));
            t1 = t1.add(e.convertShape(VectorOperators.F2D, D, 1));
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector e = Activations.exp(FloatVector.fromArray(S, x, off + i, m).sub(vMax))
                    .blend(0f, m.not()); // lanes past the row (loaded as 0) must add nothing
            if (y != null) {
                e.intoArray(y, yOff + i, m);
            }
            t0 = t0.add(e.convertShape(VectorOperators.F2D, D, 0));
            t1 = t1.add(e.convertShape(VectorOperators.F2D, D, 1));
        }
        return lanesInOrder(t0.add(t1));
    }

    /** Row maximum with {@code Math.max} semantics (NaN wins); -inf for an empty row. */
    private static float max(float[] x, int off, int n) {
        // four accumulators: a vector max with Java's NaN and -0 rules is a chain of several instructions
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            m0 = m0.max(FloatVector.fromArray(S, x, off + i));
            m1 = m1.max(FloatVector.fromArray(S, x, off + i + L));
            m2 = m2.max(FloatVector.fromArray(S, x, off + i + 2 * L));
            m3 = m3.max(FloatVector.fromArray(S, x, off + i + 3 * L));
        }
        for (; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            m0 = m0.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, off + i, m), m);
        }
        return m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
    }
}
