package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;

/**
 * Layer normalization (Ba, Kiros and Hinton 2016) of each row of a pre-activation, composed from
 * autodiff primitives, for the layer-normalized cells:
 * {@code LN(z) = gamma * (z - mean(z)) / sqrt(var(z) + eps) + beta}, with the mean and the biased
 * variance over the last dimension, as Keras's {@code LayerNormalization}.
 */
final class LayerNorm {

    /** Keras's default epsilon. */
    static final double EPSILON = 1e-3;

    private LayerNorm() {
    }

    /**
     * @param z     {@code [batch, n]}
     * @param gamma {@code [n]}
     * @param beta  {@code [n]}, or null for none (a bias added later plays its part)
     */
    static Variable apply(Variable z, Variable gamma, Variable beta) {
        Variable centered = z.sub(z.mean(1).unsqueeze(1));                // z - mean      [B, n]
        Variable variance = centered.square().mean(1).unsqueeze(1);       // var           [B, 1]
        Variable normalized = centered.div(variance.add(EPSILON).sqrt()).mul(gamma);
        return beta == null ? normalized : normalized.add(beta);
    }
}
