package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * Layer normalization over the last dimension (Ba, Kiros and Hinton 2016; Keras's
 * LayerNormalization with {@code axis=-1}):
 * {@code y = gamma * (x - mean) / sqrt(var + epsilon) + beta}, with the mean and the (biased)
 * variance taken over each step's features. Weights {@code gamma} (ones) and {@code beta}
 * (zeros), each {@code [features]}. Keeps the sequence mask.
 */
public final class LayerNormalization extends Layer {

    /** Keras's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-3;

    private final double epsilon;
    private Parameter gamma; // [features]
    private Parameter beta;  // [features]

    public LayerNormalization(double epsilon) {
        super("layer_normalization");
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("LayerNormalization epsilon must be a small positive number"
                    + " (it keeps the division away from zero), got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public LayerNormalization() {
        this(DEFAULT_EPSILON);
    }

    @Override
    public String type() {
        return "LayerNormalization";
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] < 1) {
            throw new IllegalArgumentException("LayerNormalization needs a known last input dimension, got input shape "
                    + batchShape(inputShape));
        }
        int features = inputShape[inputShape.length - 1];
        gamma = addParameter("gamma", ctx, Initializers.ones(), features);
        beta = addParameter("beta", ctx, Initializers.zeros(), features);
        return inputShape.clone();
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        checkFeatures(x.value());
        int last = x.value().rank() - 1;
        Variable centered = x.sub(x.mean(last).unsqueeze(last));          // x - mean
        Variable variance = centered.square().mean(last).unsqueeze(last); // mean((x - mean)^2)
        Variable normalized = centered.div(variance.add(epsilon).sqrt());
        return input.with(normalized.mul(weight(gamma)).add(weight(beta)));
    }

    @Override
    public String spec() {
        return specOf(epsilon == DEFAULT_EPSILON ? null : "epsilon=" + num(epsilon));
    }
}
