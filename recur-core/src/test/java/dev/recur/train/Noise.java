package dev.recur.train;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

/**
 * A test layer that draws from the call's random generator in training, as dropout does: adds
 * Gaussian noise of standard deviation {@code std}. It proves that random streams resume exactly,
 * without depending on the Dropout layer being written elsewhere.
 */
final class Noise extends Layer {

    private final double std;

    Noise(double std) {
        super("noise");
        this.std = std;
    }

    @Override
    public String type() {
        return "Noise";
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        return inputShape;
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        if (!ctx.training()) {
            return input;
        }
        Tensor x = input.value().value();
        Tensor noise = Tensor.normal(ctx.rng(), x.dtype(), 0, std, x.shape());
        return input.with(input.value().add(Variable.constant(noise)));
    }

    @Override
    public String spec() {
        return "Noise(" + std + ")";
    }
}
