package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.nn.Activation;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Initializers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keras's {@code SimpleRNN}: {@link SimpleRnnCell} looped over time. The IRNN of Le, Jaitly and
 * Hinton (2015) is {@code new SimpleRnn(SimpleRnn.CellOptions.of(100).withActivation(Activation.RELU),
 * RecurrentOptions.DEFAULTS.withRecurrentInitializer(KerasInitializer.IDENTITY))}, in a
 * specification {@code SimpleRNN(100, activation=relu, recurrent_initializer=identity)}.
 * Weights: {@code kernel [in, h]}, {@code recurrent_kernel [h, h]}, {@code bias [h]}; with
 * {@code layer_norm}, {@code gamma} and {@code beta [h]} instead of the bias.
 */
public final class SimpleRnn extends RecurrentLayer {

    /**
     * The cell's settings.
     *
     * @param units      hidden units h
     * @param activation of the new state (Keras's default tanh)
     * @param layerNorm  {@code h_t = act(LN(x_t W + h_{t-1} U))} (see {@link SimpleRnnConfig})
     */
    public record CellOptions(int units, Activation activation, boolean layerNorm) {

        public CellOptions {
            new SimpleRnnConfig(1, units, activation, layerNorm); // validates units and activation
        }

        /** A tanh cell, Keras's default. */
        public static CellOptions of(int units) {
            return new CellOptions(units, Activation.TANH, false);
        }

        public CellOptions withActivation(Activation value) {
            return new CellOptions(units, value, layerNorm);
        }

        public CellOptions withLayerNorm(boolean value) {
            return new CellOptions(units, activation, value);
        }

        /** The cell's configuration for inputs of {@code inputSize} features. */
        public SimpleRnnConfig config(int inputSize) {
            return new SimpleRnnConfig(inputSize, units, activation, layerNorm);
        }
    }

    private final CellOptions cellOptions;

    public SimpleRnn(CellOptions cellOptions, RecurrentOptions options) {
        super("simple_rnn", options);
        this.cellOptions = Objects.requireNonNull(cellOptions, "cellOptions");
    }

    /** {@code SimpleRNN(units)} with Keras's defaults. */
    public SimpleRnn(int units) {
        this(CellOptions.of(units), RecurrentOptions.DEFAULTS);
    }

    public SimpleRnn(int units, Activation activation) {
        this(CellOptions.of(units).withActivation(activation), RecurrentOptions.DEFAULTS);
    }

    public SimpleRnn(int units, RecurrentOptions options) {
        this(CellOptions.of(units), options);
    }

    public CellOptions cellOptions() {
        return cellOptions;
    }

    @Override
    public String type() {
        return "SimpleRNN";
    }

    @Override
    public int units() {
        return cellOptions.units();
    }

    @Override
    Cell createCell(BuildContext ctx, int inputSize) {
        SimpleRnnConfig config = cellOptions.config(inputSize);
        RecurrentOptions o = options();
        Parameter kernel = addParameter("kernel", ctx, o.kernelInitializer().initializer(), config.kernelShape());
        Parameter recurrent = addParameter("recurrent_kernel", ctx, o.recurrentInitializer().initializer(),
                config.recurrentKernelShape());
        if (config.layerNorm()) {
            return new SimpleRnnCell(config, new SimpleRnnWeights(kernel, recurrent, null,
                    addParameter("gamma", ctx, Initializers.ones(), units()),
                    addParameter("beta", ctx, Initializers.zeros(), units())));
        }
        Parameter bias = o.useBias() ? addParameter("bias", ctx, o.biasInitializer().initializer(), config.biasShape()) : null;
        return new SimpleRnnCell(config, new SimpleRnnWeights(kernel, recurrent, bias));
    }

    @Override
    RecurrentLayer withOptions(RecurrentOptions newOptions) {
        return new SimpleRnn(cellOptions, newOptions);
    }

    @Override
    List<String> cellArguments() {
        List<String> args = new ArrayList<>();
        if (cellOptions.activation() != Activation.TANH) {
            args.add("activation=" + cellOptions.activation().kerasName());
        }
        if (cellOptions.layerNorm()) {
            args.add("layer_norm=true");
        }
        return args;
    }
}
