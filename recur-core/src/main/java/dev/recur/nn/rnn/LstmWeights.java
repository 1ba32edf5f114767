package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * The weights of an LSTM cell, gate blocks in {@link LstmConfig#layout()} order (i, f, c, o, or
 * i, c, o with a coupled forget gate).
 *
 * @param kernel          W, {@code [in, G*h]}
 * @param recurrentKernel U, {@code [h, G*h]}
 * @param bias            b, {@code [G*h]}; null for a cell without bias
 * @param peepholeInput   p_i, {@code [h]}; null without peepholes
 * @param peepholeForget  p_f, {@code [h]}; null without peepholes or with a coupled forget gate
 * @param peepholeOutput  p_o, {@code [h]}; null without peepholes
 * @param norms           the layer-normalization weights; null without layer normalization
 */
public record LstmWeights(Variable kernel, Variable recurrentKernel, Variable bias,
                          Variable peepholeInput, Variable peepholeForget, Variable peepholeOutput, LstmNorms norms) {

    /** Weights without layer normalization. */
    public LstmWeights(Variable kernel, Variable recurrentKernel, Variable bias,
                       Variable peepholeInput, Variable peepholeForget, Variable peepholeOutput) {
        this(kernel, recurrentKernel, bias, peepholeInput, peepholeForget, peepholeOutput, null);
    }

    /** Weights without peepholes and layer normalization. */
    public LstmWeights(Variable kernel, Variable recurrentKernel, Variable bias) {
        this(kernel, recurrentKernel, bias, null, null, null, null);
    }

    /**
     * Creates the weights as parameters named {@code prefix + "/kernel"}, {@code "/recurrent_kernel"},
     * {@code "/bias"}, with peepholes {@code "/input_gate_peephole_weights"} and so on (the names
     * of TensorFlow's {@code PeepholeLSTMCell}), with layer normalization {@code "/input_gamma"},
     * {@code "/recurrent_gamma"}, {@code "/cell_gamma"} and {@code "/cell_beta"}.
     */
    public static LstmWeights create(LstmConfig config, String prefix, WeightInit init) {
        int h = config.units();
        Variable kernel = parameter(prefix, "kernel", init, config.kernelShape());
        Variable recurrent = parameter(prefix, "recurrent_kernel", init, config.recurrentKernelShape());
        Variable bias = parameter(prefix, "bias", init, config.biasShape());
        Variable pi = null;
        Variable pf = null;
        Variable po = null;
        if (config.peepholes()) {
            pi = parameter(prefix, "input_gate_peephole_weights", init, h);
            pf = config.coupledInputForget() ? null : parameter(prefix, "forget_gate_peephole_weights", init, h);
            po = parameter(prefix, "output_gate_peephole_weights", init, h);
        }
        LstmNorms norms = null;
        if (config.layerNorm()) {
            int gates = config.layout().count() * h;
            norms = new LstmNorms(parameter(prefix, "input_gamma", init, gates),
                    parameter(prefix, "recurrent_gamma", init, gates),
                    parameter(prefix, "cell_gamma", init, h), parameter(prefix, "cell_beta", init, h));
        }
        return new LstmWeights(kernel, recurrent, bias, pi, pf, po, norms);
    }

    private static Parameter parameter(String prefix, String name, WeightInit init, int... shape) {
        return new Parameter(prefix + "/" + name, init.create(name, shape));
    }

    /** Checks shapes, types and which peepholes are present against {@code config}. */
    void check(LstmConfig config) {
        int h = config.units();
        WeightChecks.shape(config, "kernel", kernel, config.kernelShape());
        WeightChecks.shape(config, "recurrentKernel", recurrentKernel, config.recurrentKernelShape());
        WeightChecks.optionalShape(config, "bias", bias, config.biasShape());
        if (config.peepholes()) {
            WeightChecks.shape(config, "peepholeInput", peepholeInput, h);
            WeightChecks.shape(config, "peepholeOutput", peepholeOutput, h);
            if (config.coupledInputForget()) {
                WeightChecks.absent(config, "peepholeForget", peepholeForget,
                        "with a coupled input-forget gate f = 1 - i has no peephole of its own");
            } else {
                WeightChecks.shape(config, "peepholeForget", peepholeForget, h);
            }
        } else {
            String reason = "the configuration has no peepholes; use config.withPeepholes()";
            WeightChecks.absent(config, "peepholeInput", peepholeInput, reason);
            WeightChecks.absent(config, "peepholeForget", peepholeForget, reason);
            WeightChecks.absent(config, "peepholeOutput", peepholeOutput, reason);
        }
        if (config.layerNorm()) {
            if (norms == null) {
                throw new IllegalArgumentException("LSTM weights have no norms but the configuration has layer"
                        + " normalization; give LstmNorms, or create the weights with LstmWeights.create");
            }
            norms.check(config);
        } else if (norms != null) {
            throw new IllegalArgumentException("LSTM weights have norms but the configuration has no layer"
                    + " normalization; use config.withLayerNorm()");
        }
        WeightChecks.sameType(config, kernel, recurrentKernel, bias, peepholeInput, peepholeForget, peepholeOutput);
        if (norms != null) {
            WeightChecks.sameType(config, kernel, norms.inputGamma(), norms.recurrentGamma(), norms.cellGamma(),
                    norms.cellBeta());
        }
    }
}
