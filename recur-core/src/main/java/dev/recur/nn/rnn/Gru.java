package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.nn.BuildContext;

import java.util.List;
import java.util.Objects;

/**
 * Keras's {@code GRU}: {@link GruCell} looped over time, gates z, r, h with the fixed
 * activations of Keras's defaults (and of cuDNN): sigmoid gates, tanh candidate. Weights:
 * {@code kernel [in, 3h]}, {@code recurrent_kernel [h, 3h]}, {@code bias [2, 3h]} with
 * {@code reset_after} (Keras's default) or {@code [3h]} without.
 */
public final class Gru extends RecurrentLayer {

    /**
     * The cell's settings.
     *
     * @param units      hidden units h
     * @param resetAfter the reset gate multiplies {@code h_{t-1} U_h + bU_h} (Keras's default, cuDNN's)
     *                   rather than h_{t-1} before the product (Cho et al. 2014); see {@link GruConfig}
     */
    public record CellOptions(int units, boolean resetAfter) {

        public CellOptions {
            new GruConfig(1, units, resetAfter); // validates units
        }

        /** Keras's defaults: {@code reset_after=True}. */
        public static CellOptions of(int units) {
            return new CellOptions(units, true);
        }

        public CellOptions withResetAfter(boolean value) {
            return new CellOptions(units, value);
        }

        /** The cell's configuration for inputs of {@code inputSize} features. */
        public GruConfig config(int inputSize) {
            return new GruConfig(inputSize, units, resetAfter);
        }
    }

    private final CellOptions cellOptions;

    public Gru(CellOptions cellOptions, RecurrentOptions options) {
        super("gru", options);
        this.cellOptions = Objects.requireNonNull(cellOptions, "cellOptions");
    }

    /** {@code GRU(units)} with Keras's defaults. */
    public Gru(int units) {
        this(CellOptions.of(units), RecurrentOptions.DEFAULTS);
    }

    public Gru(int units, RecurrentOptions options) {
        this(CellOptions.of(units), options);
    }

    public CellOptions cellOptions() {
        return cellOptions;
    }

    @Override
    public String type() {
        return "GRU";
    }

    @Override
    public int units() {
        return cellOptions.units();
    }

    @Override
    Cell createCell(BuildContext ctx, int inputSize) {
        GruConfig config = cellOptions.config(inputSize);
        RecurrentOptions o = options();
        Parameter kernel = addParameter("kernel", ctx, o.kernelInitializer().initializer(), config.kernelShape());
        Parameter recurrent = addParameter("recurrent_kernel", ctx, o.recurrentInitializer().initializer(),
                config.recurrentKernelShape());
        Parameter bias = o.useBias() ? addParameter("bias", ctx, o.biasInitializer().initializer(), config.biasShape()) : null;
        return new GruCell(config, new GruWeights(kernel, recurrent, bias));
    }

    @Override
    RecurrentLayer withOptions(RecurrentOptions newOptions) {
        return new Gru(cellOptions, newOptions);
    }

    @Override
    List<String> cellArguments() {
        return cellOptions.resetAfter() ? List.of() : List.of("reset_after=false");
    }
}
