package dev.recur.nn.attention;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.tensor.Tensor;

/**
 * Scaled dot-product attention (Vaswani et al. 2017): {@code softmax(q k^T / sqrt(d)) v}, keys
 * equal to values, no weights. Self-attention is {@code attend(x, x, mask)}; with
 * {@link Causal#CAUSAL} query i sees keys 0..i only (a decoder's self-attention). Keras's
 * {@code Attention(use_scale=False)} is the same product without the 1/sqrt(d).
 */
public final class ScaledDotProductAttention extends AttentionLayer {

    /** Whether a query may look at later positions. */
    public enum Causal { NONE, CAUSAL }

    private final Causal causal;

    public ScaledDotProductAttention(Causal causal) {
        super("scaled_dot_product_attention");
        this.causal = java.util.Objects.requireNonNull(causal, "causal");
    }

    public ScaledDotProductAttention() {
        this(Causal.NONE);
    }

    @Override
    public String type() {
        return "ScaledDotProductAttention";
    }

    @Override
    int[] build(BuildContext ctx, int queryFeatures, int valueFeatures, int queryTime) {
        if (queryFeatures != valueFeatures) {
            throw new IllegalArgumentException("ScaledDotProductAttention needs queries and values of one size but got "
                    + queryFeatures + " query and " + valueFeatures + " value features; project them first"
                    + " (MultiHeadAttention does)");
        }
        return new int[]{queryTime, valueFeatures};
    }

    @Override
    AttentionResult compute(Variable query, Variable value, Tensor valueMask) {
        Variable scores = AttentionMath.dotScores(query, value).mul(1.0 / Math.sqrt(queryFeatures()));
        scores = causal == Causal.CAUSAL ? AttentionMath.causal(scores) : scores;
        Variable w = AttentionMath.maskedSoftmax(scores, valueMask);
        return new AttentionResult(AttentionMath.weightedSum(w, value), w);
    }

    @Override
    public String spec() {
        return specOf(causal == Causal.CAUSAL ? "causal=true" : null);
    }
}
