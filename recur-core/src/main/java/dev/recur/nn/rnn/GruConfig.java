package dev.recur.nn.rnn;

/**
 * A GRU cell (Keras {@code GRUCell}), gates z, r, h, with {@code h_t = z * h_{t-1} + (1 - z) * h~}
 * where {@code z = sigmoid(x W_z + b_z + h_{t-1} U_z [+ bU_z])}, likewise r, and the candidate
 * <ul>
 *   <li>{@code resetAfter = true} (Keras's default, cuDNN's and PyTorch's convention; bias
 *       {@code [2, 3h]}: row 0 input bias b, row 1 recurrent bias bU):
 *       {@code h~ = tanh(x W_h + b_h + r * (h_{t-1} U_h + bU_h))}</li>
 *   <li>{@code resetAfter = false} (Cho et al. 2014; bias {@code [3h]}):
 *       {@code h~ = tanh(x W_h + (r * h_{t-1}) U_h + b_h)}</li>
 * </ul>
 */
public record GruConfig(int inputSize, int units, boolean resetAfter) implements CellConfig {

    public GruConfig {
        CellConfig.checkSizes("GRU", inputSize, units);
    }

    /** A GRU with Keras's defaults ({@code resetAfter = true}). */
    public static GruConfig of(int inputSize, int units) {
        return new GruConfig(inputSize, units, true);
    }

    /** This configuration with the reset gate applied before the recurrent product (Cho et al.). */
    public GruConfig withResetBefore() {
        return new GruConfig(inputSize, units, false);
    }

    @Override
    public String kind() {
        return "GRU";
    }

    @Override
    public GateLayout layout() {
        return GateLayout.GRU;
    }

    @Override
    public int[] biasShape() {
        return resetAfter ? new int[]{2, 3 * units} : new int[]{3 * units};
    }

    @Override
    public int parameterCount() {
        return 3 * (inputSize * units + units * units + (resetAfter ? 2 : 1) * units);
    }
}
