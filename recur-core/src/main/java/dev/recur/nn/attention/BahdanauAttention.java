package dev.recur.nn.attention;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Initializer;
import dev.recur.nn.Initializers;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * Bahdanau et al. (2014) additive attention: {@code score(q, k) = v^T tanh(W1 q + W2 k)}, weights
 * a softmax over the keys, context the weighted sum of the values. Parameters as TensorFlow
 * Addons' {@code BahdanauAttention(units)}: {@code query_kernel W1 [dq, units]},
 * {@code memory_kernel W2 [dv, units]} (no biases) and {@code v [units]}: dq*units + dv*units + units.
 */
public final class BahdanauAttention extends AttentionLayer {

    private final int units;
    private final Initializer init;
    private Parameter queryKernel;  // [dq, units]
    private Parameter memoryKernel; // [dv, units]
    private Parameter v;            // [units]

    public BahdanauAttention(int units, Initializer init) {
        super("bahdanau_attention");
        if (units < 1) {
            throw new IllegalArgumentException("BahdanauAttention units must be at least 1, got " + units);
        }
        this.units = units;
        this.init = Objects.requireNonNull(init, "init");
    }

    public BahdanauAttention(int units) {
        this(units, Initializers.glorotUniform());
    }

    @Override
    public String type() {
        return "BahdanauAttention";
    }

    public int units() {
        return units;
    }

    @Override
    int[] build(BuildContext ctx, int queryFeatures, int valueFeatures, int queryTime) {
        queryKernel = addParameter("query_kernel", ctx, init, queryFeatures, units);
        memoryKernel = addParameter("memory_kernel", ctx, init, valueFeatures, units);
        v = addParameter("v", ctx, init, units);
        return new int[]{queryTime, valueFeatures};
    }

    @Override
    AttentionResult compute(Variable query, Variable value, Tensor valueMask) {
        Variable q = AttentionMath.project(query, weight(queryKernel));  // [B, Tq, units]
        Variable k = AttentionMath.project(value, weight(memoryKernel)); // [B, Tk, units]
        Variable scores = q.unsqueeze(2).add(k.unsqueeze(1)).tanh().mul(weight(v)).sum(-1); // [B, Tq, Tk]
        Variable w = AttentionMath.maskedSoftmax(scores, valueMask);
        return new AttentionResult(AttentionMath.weightedSum(w, value), w);
    }

    @Override
    public String spec() {
        return specOf(Integer.toString(units));
    }
}
