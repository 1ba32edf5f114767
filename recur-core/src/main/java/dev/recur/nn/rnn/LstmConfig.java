package dev.recur.nn.rnn;

/**
 * An LSTM cell. Standard (Keras {@code LSTMCell}), gates i, f, c, o:
 * <pre>
 *   z = x_t W + h_{t-1} U + b                                   [B, 4h]
 *   i = sigmoid(z_i)   f = sigmoid(z_f)   g = tanh(z_c)   o = sigmoid(z_o)
 *   c_t = f * c_{t-1} + i * g
 *   h_t = o * tanh(c_t)
 * </pre>
 * Options, each off by default:
 * <ul>
 *   <li>{@code peepholes} (Gers and Schmidhuber 2000): i and f also see {@code p_i * c_{t-1}} and
 *       {@code p_f * c_{t-1}}, o sees {@code p_o * c_t}, with diagonal weights p of shape [h]
 *       (TensorFlow's {@code PeepholeLSTMCell}).</li>
 *   <li>{@code coupledInputForget} (CIFG, Greff et al. 2017): {@code f = 1 - i}; the weights have
 *       no forget block (gates i, c, o: {@link GateLayout#LSTM_CIFG}) and no forget peephole.</li>
 *   <li>{@code cellClip}: {@code c_t} is clipped to [-cellClip, cellClip] right after its update,
 *       before the output peephole and {@code tanh(c_t)} read it (TensorFlow's {@code cell_clip}).
 *       {@code Double.POSITIVE_INFINITY} means no clipping.</li>
 * </ul>
 */
public record LstmConfig(int inputSize, int units, boolean peepholes, boolean coupledInputForget, double cellClip)
        implements CellConfig {

    public LstmConfig {
        CellConfig.checkSizes("LSTM", inputSize, units);
        if (!(cellClip > 0)) {
            throw new IllegalArgumentException("LSTM cellClip must be positive (or Double.POSITIVE_INFINITY for no"
                    + " clipping), got " + cellClip);
        }
    }

    /** A standard Keras LSTM. */
    public static LstmConfig of(int inputSize, int units) {
        return new LstmConfig(inputSize, units, false, false, Double.POSITIVE_INFINITY);
    }

    /** This configuration with diagonal peephole connections. */
    public LstmConfig withPeepholes() {
        return new LstmConfig(inputSize, units, true, coupledInputForget, cellClip);
    }

    /** This configuration with a coupled input-forget gate (f = 1 - i). */
    public LstmConfig withCoupledInputForget() {
        return new LstmConfig(inputSize, units, peepholes, true, cellClip);
    }

    /** This configuration with the cell state clipped to [-clip, clip]. */
    public LstmConfig withCellClip(double clip) {
        return new LstmConfig(inputSize, units, peepholes, coupledInputForget, clip);
    }

    /** Whether the cell state is clipped. */
    public boolean clipsCell() {
        return cellClip != Double.POSITIVE_INFINITY;
    }

    @Override
    public String kind() {
        return "LSTM";
    }

    @Override
    public GateLayout layout() {
        return coupledInputForget ? GateLayout.LSTM_CIFG : GateLayout.LSTM;
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    /** Number of peephole vectors: 3, or 2 with a coupled forget gate, or 0 without peepholes. */
    public int peepholeCount() {
        return peepholes ? (coupledInputForget ? 2 : 3) : 0;
    }

    @Override
    public int parameterCount() {
        int g = layout().count();
        return g * (inputSize * units + units * units + units) + peepholeCount() * units;
    }
}
