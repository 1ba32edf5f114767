package dev.recur.nn.rnn;

/**
 * A fully connected recurrent cell (Keras {@code SimpleRNN}): {@code h_t = act(x_t W + h_{t-1} U + b)}
 * with kernel W {@code [in, h]}, recurrent kernel U {@code [h, h]}, bias b {@code [h]}.
 */
public record SimpleRnnConfig(int inputSize, int units, Activation activation) implements CellConfig {

    public SimpleRnnConfig {
        CellConfig.checkSizes("SimpleRNN", inputSize, units);
        if (activation == null) {
            throw new IllegalArgumentException("SimpleRNN activation is null; use Activation.TANH (Keras's default)");
        }
    }

    /** A tanh SimpleRNN, Keras's default. */
    public static SimpleRnnConfig of(int inputSize, int units) {
        return new SimpleRnnConfig(inputSize, units, Activation.TANH);
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
        return inputSize * units + units * units + units;
    }
}
