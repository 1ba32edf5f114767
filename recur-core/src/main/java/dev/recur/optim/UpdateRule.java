package dev.recur.optim;

import java.util.List;

/**
 * The per-element arithmetic of one optimizer: how a parameter and its state slots change given
 * the gradient. {@link Optimizer} owns the buffers, the step count and the learning rate; a rule
 * only runs one fused pass over dense arrays, so a step allocates nothing.
 *
 * <p>Each rule has a float32 and a float64 twin with the same statements; float32 parameters
 * are updated in float32 arithmetic (as Keras and PyTorch do), with the per-step scalars
 * (bias corrections) computed in double and rounded once.
 */
interface UpdateRule {

    /** Names of the per-parameter state tensors, each shaped like its parameter; Keras's names. */
    List<String> slots();

    /** The value every element of slot {@code slot} starts from (Adagrad's accumulator: 0.1). */
    default double initialValue(int slot) {
        return 0.0;
    }

    /**
     * Updates {@code n} elements of a float32 parameter in place.
     *
     * @param lr the learning rate for this step
     * @param t  the 1-based number of this step (Adam's bias correction)
     * @param p  parameter values, from {@code pOff}
     * @param g  gradient, from {@code gOff}
     * @param s  one dense array of length n per slot, in {@link #slots()} order
     */
    void update(int n, double lr, long t, float[] p, int pOff, float[] g, int gOff, float[][] s);

    /** Double-precision twin of {@link #update(int, double, long, float[], int, float[], int, float[][])}. */
    void update(int n, double lr, long t, double[] p, int pOff, double[] g, int gOff, double[][] s);
}
