package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Unary;

/** The activation of a SimpleRNN's new state: {@code h_t = act(x_t W + h_{t-1} U + b)}. */
public enum Activation {
    TANH(Unary.TANH),
    RELU(Unary.RELU),
    SIGMOID(Unary.SIGMOID),
    /** No activation: {@code act(a) = a}. */
    LINEAR(null);

    private final Unary unary;

    Activation(Unary unary) {
        this.unary = unary;
    }

    /** The reference definition, composed from autodiff primitives. */
    public Variable apply(Variable a) {
        return switch (this) {
            case TANH -> a.tanh();
            case RELU -> a.relu();
            case SIGMOID -> a.sigmoid();
            case LINEAR -> a;
        };
    }

    /** Applies the activation in place to {@code n} floats from {@code off}. */
    void applyInPlace(Kernels k, float[] a, int off, int n) {
        if (unary != null) {
            k.unary(unary, a, off, a, off, n);
        }
    }

    /** The derivative act'(a) written in terms of the output y = act(a), as backward has y at hand. */
    float derivativeFromOutput(float y) {
        return switch (this) {
            case TANH -> 1f - y * y;
            case RELU -> y > 0f ? 1f : 0f;
            case SIGMOID -> y * (1f - y);
            case LINEAR -> 1f;
        };
    }
}
