package dev.recur.nn.attention;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Initializer;
import dev.recur.nn.Initializers;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * Luong et al. (2015) global attention. Scores of a decoder state h_t against an encoder state h_s:
 * <ul>
 *   <li>{@link Score#DOT}: {@code h_t . h_s} (no weights; needs dq = dv)</li>
 *   <li>{@link Score#GENERAL}: {@code h_t^T W_a h_s}, {@code score_kernel W_a [dq, dv]}</li>
 *   <li>{@link Score#CONCAT}: {@code v_a^T tanh(W_a [h_t; h_s])}, {@code score_kernel W_a [dq + dv, units]}, {@code v [units]}</li>
 * </ul>
 * and the attentional vector {@code a_t = tanh(W_c [c_t; h_t])} ({@link #attentional}) with
 * {@code attention_kernel W_c [dv + dq, units]}, no biases (the paper's equations; TensorFlow
 * Addons' {@code AttentionWrapper(attention_layer_size=units, use_bias=False)}).
 */
public final class LuongAttention extends AttentionLayer {

    /** How a query is scored against a key. */
    public enum Score { DOT, GENERAL, CONCAT }

    private final Score score;
    private final int units;
    private final Initializer init;
    private Parameter scoreKernel;     // GENERAL [dq, dv]; CONCAT [dq + dv, units]; DOT none
    private Parameter v;               // CONCAT [units]
    private Parameter attentionKernel; // [dv + dq, units]

    /** {@code units}: the size of the attentional vector (and of the concat score's hidden layer). */
    public LuongAttention(Score score, int units, Initializer init) {
        super("luong_attention");
        if (units < 1) {
            throw new IllegalArgumentException("LuongAttention units must be at least 1, got " + units);
        }
        this.score = Objects.requireNonNull(score, "score");
        this.units = units;
        this.init = Objects.requireNonNull(init, "init");
    }

    public LuongAttention(Score score, int units) {
        this(score, units, Initializers.glorotUniform());
    }

    @Override
    public String type() {
        return "LuongAttention";
    }

    public Score score() {
        return score;
    }

    public int units() {
        return units;
    }

    @Override
    int[] build(BuildContext ctx, int queryFeatures, int valueFeatures, int queryTime) {
        switch (score) {
            case DOT -> {
                if (queryFeatures != valueFeatures) {
                    throw new IllegalArgumentException("LuongAttention with the dot score needs queries and values of one"
                            + " size but got " + queryFeatures + " query and " + valueFeatures + " value features;"
                            + " use the general or concat score, or give encoder and decoder the same units");
                }
            }
            case GENERAL -> scoreKernel = addParameter("score_kernel", ctx, init, queryFeatures, valueFeatures);
            case CONCAT -> {
                scoreKernel = addParameter("score_kernel", ctx, init, queryFeatures + valueFeatures, units);
                v = addParameter("v", ctx, init, units);
            }
        }
        attentionKernel = addParameter("attention_kernel", ctx, init, valueFeatures + queryFeatures, units);
        return new int[]{queryTime, valueFeatures};
    }

    @Override
    AttentionResult compute(Variable query, Variable value, Tensor valueMask) {
        Variable scores = switch (score) {
            case DOT -> AttentionMath.dotScores(query, value);
            case GENERAL -> AttentionMath.dotScores(AttentionMath.project(query, weight(scoreKernel)), value);
            case CONCAT -> {
                int dq = queryFeatures();
                Variable wa = weight(scoreKernel);
                Variable q = AttentionMath.project(query, wa.slice(0, 0, dq));                       // [B, Tq, units]
                Variable k = AttentionMath.project(value, wa.slice(0, dq, wa.value().dim(0)));       // [B, Tk, units]
                yield q.unsqueeze(2).add(k.unsqueeze(1)).tanh().mul(weight(v)).sum(-1);              // [B, Tq, Tk]
            }
        };
        Variable w = AttentionMath.maskedSoftmax(scores, valueMask);
        return new AttentionResult(AttentionMath.weightedSum(w, value), w);
    }

    /**
     * The attentional vector {@code a_t = tanh(W_c [c_t; h_t])}, {@code [batch, Tq, units]}.
     *
     * @param result the attention of {@code query}
     * @param query  the decoder states h_t, {@code [batch, Tq, dq]}
     */
    public Variable attentional(AttentionResult result, Variable query) {
        requireBuilt("attentional");
        return AttentionMath.project(Variable.concat(2, result.context(), query), weight(attentionKernel)).tanh();
    }

    @Override
    public String spec() {
        return specOf(Integer.toString(units), "score=" + score.name().toLowerCase(java.util.Locale.ROOT));
    }
}
