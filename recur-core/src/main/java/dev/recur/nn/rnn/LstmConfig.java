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
 *   <li>{@code layerNorm} (Ba, Kiros and Hinton 2016, "Layer Normalization"): the input and recurrent
 *       projections are normalized separately over all G*h gate pre-activations, and the cell
 *       state before its tanh:
 *       {@code z = LN(x_t W; gamma_x) + LN(h_{t-1} U; gamma_h) + b}, {@code h_t = o * tanh(LN(c_t; gamma_c, beta_c))}.
 *       The two projections' betas are folded into b. c_t itself (carried, clipped, read by the
 *       output peephole) is not normalized. Reference composition only: no fused kernel.</li>
 * </ul>
 */
public record LstmConfig(int inputSize, int units, boolean peepholes, boolean coupledInputForget, double cellClip,
                         boolean layerNorm) implements CellConfig {

    public LstmConfig {
        CellConfig.checkSizes("LSTM", inputSize, units);
        if (!(cellClip > 0)) {
            throw new IllegalArgumentException("LSTM cellClip must be positive (or Double.POSITIVE_INFINITY for no"
                    + " clipping), got " + cellClip);
        }
    }

    /** A configuration without layer normalization. */
    public LstmConfig(int inputSize, int units, boolean peepholes, boolean coupledInputForget, double cellClip) {
        this(inputSize, units, peepholes, coupledInputForget, cellClip, false);
    }

    /** A standard Keras LSTM. */
    public static LstmConfig of(int inputSize, int units) {
        return new LstmConfig(inputSize, units, false, false, Double.POSITIVE_INFINITY);
    }

    /** This configuration with diagonal peephole connections. */
    public LstmConfig withPeepholes() {
        return new LstmConfig(inputSize, units, true, coupledInputForget, cellClip, layerNorm);
    }

    /** This configuration with a coupled input-forget gate (f = 1 - i). */
    public LstmConfig withCoupledInputForget() {
        return new LstmConfig(inputSize, units, peepholes, true, cellClip, layerNorm);
    }

    /** This configuration with the cell state clipped to [-clip, clip]. */
    public LstmConfig withCellClip(double clip) {
        return new LstmConfig(inputSize, units, peepholes, coupledInputForget, clip, layerNorm);
    }

    /** This configuration with layer normalization (Ba et al. 2016). */
    public LstmConfig withLayerNorm() {
        return new LstmConfig(inputSize, units, peepholes, coupledInputForget, cellClip, true);
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
        int norms = layerNorm ? 2 * g * units + 2 * units : 0; // gamma_x, gamma_h [G*h]; gamma_c, beta_c [h]
        return g * (inputSize * units + units * units + units) + peepholeCount() * units + norms;
    }
}
