package dev.recur.nn.attention;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Initializer;
import dev.recur.nn.Initializers;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * Keras's {@code MultiHeadAttention(num_heads, key_dim)} with keys equal to values: each head
 * projects queries and values to {@code key_dim}, attends with scaled dot products, and the heads'
 * contexts are projected back to the query size. Weights in Keras's layout and order, with biases:
 * {@code query/kernel [dq, heads, key_dim]}, {@code query/bias [heads, key_dim]}, the same for
 * {@code key} and {@code value} (from dv), {@code attention_output/kernel [heads, key_dim, dq]},
 * {@code attention_output/bias [dq]}. Weights returned are {@code [batch, heads, Tq, Tk]}.
 */
public final class MultiHeadAttention extends AttentionLayer {

    private final int heads;
    private final int keyDim;
    private final Initializer init;
    private Parameter queryKernel;  // [dq, heads, keyDim]
    private Parameter queryBias;    // [heads, keyDim]
    private Parameter keyKernel;    // [dv, heads, keyDim]
    private Parameter keyBias;      // [heads, keyDim]
    private Parameter valueKernel;  // [dv, heads, keyDim]
    private Parameter valueBias;    // [heads, keyDim]
    private Parameter outputKernel; // [heads, keyDim, dq]
    private Parameter outputBias;   // [dq]

    public MultiHeadAttention(int heads, int keyDim, Initializer init) {
        super("multi_head_attention");
        if (heads < 1 || keyDim < 1) {
            throw new IllegalArgumentException("MultiHeadAttention needs num_heads >= 1 and key_dim >= 1, got num_heads="
                    + heads + ", key_dim=" + keyDim);
        }
        this.heads = heads;
        this.keyDim = keyDim;
        this.init = Objects.requireNonNull(init, "init");
    }

    public MultiHeadAttention(int heads, int keyDim) {
        this(heads, keyDim, Initializers.glorotUniform());
    }

    @Override
    public String type() {
        return "MultiHeadAttention";
    }

    @Override
    int[] build(BuildContext ctx, int queryFeatures, int valueFeatures, int queryTime) {
        queryKernel = addParameter("query/kernel", ctx, init, queryFeatures, heads, keyDim);
        queryBias = addParameter("query/bias", ctx, Initializers.zeros(), heads, keyDim);
        keyKernel = addParameter("key/kernel", ctx, init, valueFeatures, heads, keyDim);
        keyBias = addParameter("key/bias", ctx, Initializers.zeros(), heads, keyDim);
        valueKernel = addParameter("value/kernel", ctx, init, valueFeatures, heads, keyDim);
        valueBias = addParameter("value/bias", ctx, Initializers.zeros(), heads, keyDim);
        outputKernel = addParameter("attention_output/kernel", ctx, init, heads, keyDim, queryFeatures);
        outputBias = addParameter("attention_output/bias", ctx, Initializers.zeros(), queryFeatures);
        return new int[]{queryTime, queryFeatures};
    }

    @Override
    AttentionResult compute(Variable query, Variable value, Tensor valueMask) {
        Variable q = heads(query, queryKernel, queryBias); // [B, H, Tq, kd]
        Variable k = heads(value, keyKernel, keyBias);     // [B, H, Tk, kd]
        Variable v = heads(value, valueKernel, valueBias); // [B, H, Tk, kd]
        Variable scores = AttentionMath.dotScores(q, k).mul(1.0 / Math.sqrt(keyDim)); // [B, H, Tq, Tk]
        Variable w = AttentionMath.maskedSoftmax(scores, valueMask);
        Variable c = AttentionMath.weightedSum(w, v); // [B, H, Tq, kd]
        int batch = query.value().dim(0);
        int tq = query.value().dim(1);
        int dq = queryFeatures();
        Variable merged = c.transpose(1, 2).reshape(batch * tq, heads * keyDim);         // [B*Tq, H*kd]
        Variable out = merged.matmul(weight(outputKernel).reshape(heads * keyDim, dq)).add(weight(outputBias));
        return new AttentionResult(out.reshape(batch, tq, dq), w);
    }

    /** x {@code [B, T, d]} projected to {@code [B, H, T, kd]}. */
    private Variable heads(Variable x, Parameter kernel, Parameter bias) {
        int batch = x.value().dim(0);
        int t = x.value().dim(1);
        int d = x.value().dim(2);
        Variable p = x.reshape(batch * t, d).matmul(weight(kernel).reshape(d, heads * keyDim))
                .add(weight(bias).reshape(heads * keyDim));
        return p.reshape(batch, t, heads, keyDim).transpose(1, 2);
    }

    @Override
    public String spec() {
        return specOf("num_heads=" + heads, "key_dim=" + keyDim);
    }
}
