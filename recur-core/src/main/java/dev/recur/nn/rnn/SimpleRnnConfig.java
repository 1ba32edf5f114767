package dev.recur.nn.rnn;

import dev.recur.nn.Activation;

/**
 * A fully connected recurrent cell (Keras {@code SimpleRNN}): {@code h_t = act(x_t W + h_{t-1} U + b)}
 * with kernel W {@code [in, h]}, recurrent kernel U {@code [h, h]}, bias b {@code [h]}.
 *
 * <p>With {@code layerNorm} (the {@code LNSimpleRNNCell} of Géron's <i>Hands-On Machine
 * Learning</i>, ch. 15): {@code h_t = act(LN(x_t W + h_{t-1} U))}, where
 * {@code LN(z) = gamma * (z - mean(z)) / sqrt(var(z) + eps) + beta} over the units, gamma and beta
 * {@code [h]}; the normalization's beta takes the place of the bias.
 */
public record SimpleRnnConfig(int inputSize, int units, Activation activation, boolean layerNorm) implements CellConfig {

    public SimpleRnnConfig {
        CellConfig.checkSizes("SimpleRNN", inputSize, units);
        if (activation == null) {
            throw new IllegalArgumentException("SimpleRNN activation is null; use Activation.TANH (Keras's default)");
        }
        if (activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("SimpleRNN activation must act on each unit alone (tanh, relu, sigmoid"
                    + " or linear), got softmax; put a Dense(n, activation=softmax) after the recurrent layer instead");
        }
    }

    /** A cell without layer normalization. */
    public SimpleRnnConfig(int inputSize, int units, Activation activation) {
        this(inputSize, units, activation, false);
    }

    /** A tanh SimpleRNN, Keras's default. */
    public static SimpleRnnConfig of(int inputSize, int units) {
        return new SimpleRnnConfig(inputSize, units, Activation.TANH);
    }

    /** This configuration with layer normalization of the pre-activation. */
    public SimpleRnnConfig withLayerNorm() {
        return new SimpleRnnConfig(inputSize, units, activation, true);
    }

    @Override
    public String kind() {
        return "SimpleRNN";
    }

    @Override
    public GateLayout layout() {
        return GateLayout.SIMPLE_RNN;
    }

    @Override
    public int parameterCount() {
        return inputSize * units + units * units + (layerNorm ? 2 * units : units);
    }
}
