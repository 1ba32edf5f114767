package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Initializer;
import dev.recur.nn.Initializers;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keras's {@code LSTM}: {@link LstmCell} looped over time, gates i, f, c, o with the fixed
 * activations of Keras's defaults (and of cuDNN): sigmoid gates, tanh candidate and output.
 * Weights: {@code kernel [in, 4h]}, {@code recurrent_kernel [h, 4h]}, {@code bias [4h]}, whose
 * forget block starts at 1 ({@code unit_forget_bias}, Jozefowicz et al. 2015); with the options
 * of {@link LstmConfig}, peephole vectors {@code [h]} and layer-normalization gains.
 */
public final class Lstm extends RecurrentLayer {

    /**
     * The cell's settings (see {@link LstmConfig} for the equations).
     *
     * @param units              hidden units h
     * @param unitForgetBias     the forget gate's bias starts at 1 (Keras's default); no effect with
     *                           a coupled input-forget gate, which has no forget block
     * @param peepholes          diagonal peephole connections
     * @param coupledInputForget f = 1 - i
     * @param cellClip           c_t clipped to [-cellClip, cellClip]; {@code Double.POSITIVE_INFINITY} for none
     * @param layerNorm          layer normalization (Ba et al. 2016), reference composition only
     */
    public record CellOptions(int units, boolean unitForgetBias, boolean peepholes, boolean coupledInputForget,
                              double cellClip, boolean layerNorm) {

        public CellOptions {
            new LstmConfig(1, units, peepholes, coupledInputForget, cellClip, layerNorm); // validates units and cellClip
        }

        /** A standard Keras LSTM cell. */
        public static CellOptions of(int units) {
            return new CellOptions(units, true, false, false, Double.POSITIVE_INFINITY, false);
        }

        public CellOptions withUnitForgetBias(boolean value) {
            return new CellOptions(units, value, peepholes, coupledInputForget, cellClip, layerNorm);
        }

        public CellOptions withPeepholes(boolean value) {
            return new CellOptions(units, unitForgetBias, value, coupledInputForget, cellClip, layerNorm);
        }

        public CellOptions withCoupledInputForget(boolean value) {
            return new CellOptions(units, unitForgetBias, peepholes, value, cellClip, layerNorm);
        }

        public CellOptions withCellClip(double value) {
            return new CellOptions(units, unitForgetBias, peepholes, coupledInputForget, value, layerNorm);
        }

        public CellOptions withLayerNorm(boolean value) {
            return new CellOptions(units, unitForgetBias, peepholes, coupledInputForget, cellClip, value);
        }

        /** The cell's configuration for inputs of {@code inputSize} features. */
        public LstmConfig config(int inputSize) {
            return new LstmConfig(inputSize, units, peepholes, coupledInputForget, cellClip, layerNorm);
        }
    }

    private final CellOptions cellOptions;

    public Lstm(CellOptions cellOptions, RecurrentOptions options) {
        super("lstm", options);
        this.cellOptions = Objects.requireNonNull(cellOptions, "cellOptions");
    }

    /** {@code LSTM(units)} with Keras's defaults. */
    public Lstm(int units) {
        this(CellOptions.of(units), RecurrentOptions.DEFAULTS);
    }

    public Lstm(int units, RecurrentOptions options) {
        this(CellOptions.of(units), options);
    }

    public CellOptions cellOptions() {
        return cellOptions;
    }

    @Override
    public String type() {
        return "LSTM";
    }

    @Override
    public int units() {
        return cellOptions.units();
    }

    @Override
    Cell createCell(BuildContext ctx, int inputSize) {
        LstmConfig config = cellOptions.config(inputSize);
        RecurrentOptions o = options();
        int h = units();
        Initializer kernelInit = o.kernelInitializer().initializer();
        Parameter kernel = addParameter("kernel", ctx, kernelInit, config.kernelShape());
        Parameter recurrent = addParameter("recurrent_kernel", ctx, o.recurrentInitializer().initializer(),
                config.recurrentKernelShape());
        Parameter bias = o.useBias() ? addParameter("bias", ctx, biasInitializer(config), config.biasShape()) : null;
        Parameter pi = null;
        Parameter pf = null;
        Parameter po = null;
        if (config.peepholes()) {
            pi = addParameter("input_gate_peephole_weights", ctx, kernelInit, h);
            pf = config.coupledInputForget() ? null : addParameter("forget_gate_peephole_weights", ctx, kernelInit, h);
            po = addParameter("output_gate_peephole_weights", ctx, kernelInit, h);
        }
        LstmNorms norms = null;
        if (config.layerNorm()) {
            int gates = config.layout().count() * h;
            norms = new LstmNorms(addParameter("input_gamma", ctx, Initializers.ones(), gates),
                    addParameter("recurrent_gamma", ctx, Initializers.ones(), gates),
                    addParameter("cell_gamma", ctx, Initializers.ones(), h),
                    addParameter("cell_beta", ctx, Initializers.zeros(), h));
        }
        return new LstmCell(config, new LstmWeights(kernel, recurrent, bias, pi, pf, po, norms));
    }

    /** The bias initializer, with the forget block set to 1 for {@code unit_forget_bias} (as Keras). */
    private Initializer biasInitializer(LstmConfig config) {
        Initializer base = options().biasInitializer().initializer();
        if (!cellOptions.unitForgetBias() || !config.layout().has(Gate.FORGET)) {
            return base;
        }
        int from = config.layout().offset(Gate.FORGET, units());
        return (dtype, rng, shape) -> {
            Tensor b = base.create(dtype, rng, shape);
            for (int j = from; j < from + units(); j++) {
                b.setFlat(j, 1.0);
            }
            return b;
        };
    }

    @Override
    RecurrentLayer withOptions(RecurrentOptions newOptions) {
        return new Lstm(cellOptions, newOptions);
    }

    @Override
    List<String> cellArguments() {
        List<String> args = new ArrayList<>();
        if (!cellOptions.unitForgetBias()) {
            args.add("unit_forget_bias=false");
        }
        if (cellOptions.peepholes()) {
            args.add("peepholes=true");
        }
        if (cellOptions.coupledInputForget()) {
            args.add("coupled_input_forget=true");
        }
        if (cellOptions.cellClip() != Double.POSITIVE_INFINITY) {
            args.add("cell_clip=" + cellOptions.cellClip());
        }
        if (cellOptions.layerNorm()) {
            args.add("layer_norm=true");
        }
        return args;
    }
}
