package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout (Srivastava et al. 2014; Keras's Dropout): in training each element is zeroed
 * with probability {@code rate} and the survivors are scaled by {@code 1 / (1 - rate)}, so that
 * inference is the identity. The keep mask is drawn from the {@link Context}'s generator in
 * row-major order, so a seed reproduces it. Keeps the sequence mask.
 */
public final class Dropout extends Layer {

    private final double rate;

    public Dropout(double rate) {
        super("dropout");
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout rate must be in [0, 1) (the fraction of inputs to drop), got " + rate);
        }
        this.rate = rate;
    }

    @Override
    public String type() {
        return "Dropout";
    }

    public double rate() {
        return rate;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        requireBuilt("forward");
        if (!ctx.training() || rate == 0) {
            return input;
        }
        Tensor x = input.value().value();
        double scale = 1 / (1 - rate);
        Tensor keep = Tensor.zeros(x.dtype(), x.shape()); // 1 / (1 - rate) where kept, 0 where dropped
        RandomGenerator rng = ctx.rng();
        for (int i = 0, n = keep.size(); i < n; i++) {
            if (rng.nextDouble() >= rate) {
                keep.setFlat(i, scale);
            }
        }
        return input.with(input.value().mul(Variable.constant(keep)));
    }

    @Override
    public String spec() {
        return specOf(num(rate));
    }
}
