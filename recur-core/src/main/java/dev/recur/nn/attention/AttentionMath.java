package dev.recur.nn.attention;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * The pieces every attention layer shares, composed from autodiff primitives: dot-product scores,
 * the masked softmax and the weighted sum of values. Shapes carry any leading dimensions
 * ({@code [...]}: batch, or batch and heads).
 */
final class AttentionMath {

    /** Added to the score of a masked key: exp(-1e9 - max) is exactly 0 in float32 and float64. */
    static final double MASKED_SCORE = -1e9;

    private AttentionMath() {
    }

    /** {@code s[..., i, j] = q[..., i, :] . k[..., j, :]}: q {@code [..., Tq, d]}, k {@code [..., Tk, d]} -> {@code [..., Tq, Tk]}. */
    static Variable dotScores(Variable q, Variable k) {
        int r = k.value().rank();
        return q.bmm(k.transpose(r - 2, r - 1)); // one product per batch (and head), K^T a view
    }

    /**
     * Softmax over the keys (last dimension) of scores {@code [batch, ..., Tk]}, where keys with
     * mask 0 get a weight of exactly 0. The mask is {@code [batch, Tk]} or null.
     */
    static Variable maskedSoftmax(Variable scores, Tensor keyMask) {
        if (keyMask == null) {
            return scores.softmax();
        }
        int[] s = scores.value().shape();
        int[] maskShape = new int[s.length]; // [batch, 1, ..., 1, Tk]
        java.util.Arrays.fill(maskShape, 1);
        maskShape[0] = keyMask.dim(0);
        maskShape[s.length - 1] = keyMask.dim(1);
        Tensor m = keyMask.to(scores.value().dtype()).reshape(maskShape);
        Variable floor = Variable.constant(Tensor.scalar(scores.value().dtype(), MASKED_SCORE));
        return Variable.where(m, scores, floor).softmax();
    }

    /**
     * Scores {@code [..., Tq, Tk]} with key j > query i (plus Tk - Tq, so the last query sees
     * every key) set to {@link #MASKED_SCORE}: a causal (look-back only) mask.
     */
    static Variable causal(Variable scores) {
        int[] s = scores.value().shape();
        int tq = s[s.length - 2];
        int tk = s[s.length - 1];
        Tensor allowed = Tensor.zeros(scores.value().dtype(), tq, tk);
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j <= Math.min(tk - 1, i + tk - tq); j++) {
                allowed.set(1.0, i, j);
            }
        }
        return Variable.where(allowed, scores, Variable.constant(Tensor.scalar(scores.value().dtype(), MASKED_SCORE)));
    }

    /** {@code c[..., i, :] = sum_j w[..., i, j] v[..., j, :]}: w {@code [..., Tq, Tk]}, v {@code [..., Tk, dv]} -> {@code [..., Tq, dv]}. */
    static Variable weightedSum(Variable w, Variable v) {
        return w.bmm(v);
    }

    /** x {@code [..., d]} times a matrix {@code [d, n]} -> {@code [..., n]}. */
    static Variable project(Variable x, Variable w) {
        int[] shape = x.value().shape();
        int[] out = shape.clone();
        out[out.length - 1] = w.value().dim(1);
        return x.reshape(-1, shape[shape.length - 1]).matmul(w).reshape(out);
    }
}
