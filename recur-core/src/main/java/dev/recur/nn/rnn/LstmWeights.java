package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * The weights of an LSTM cell, gate blocks in {@link LstmConfig#layout()} order (i, f, c, o, or
 * i, c, o with a coupled forget gate).
 *
 * @param kernel          W, {@code [in, G*h]}
 * @param recurrentKernel U, {@code [h, G*h]}
 * @param bias            b, {@code [G*h]}
 * @param peepholeInput   p_i, {@code [h]}; null without peepholes
 * @param peepholeForget  p_f, {@code [h]}; null without peepholes or with a coupled forget gate
 * @param peepholeOutput  p_o, {@code [h]}; null without peepholes
 */
public record LstmWeights(Variable kernel, Variable recurrentKernel, Variable bias,
                          Variable peepholeInput, Variable peepholeForget, Variable peepholeOutput) {

    /** Weights without peepholes. */
    public LstmWeights(Variable kernel, Variable recurrentKernel, Variable bias) {
        this(kernel, recurrentKernel, bias, null, null, null);
    }

    /**
     * Creates the weights as parameters named {@code prefix + "/kernel"}, {@code "/recurrent_kernel"},
     * {@code "/bias"} and, with peepholes, {@code "/input_gate_peephole_weights"} and so on
     * (the names of TensorFlow's {@code PeepholeLSTMCell}).
     */
    public static LstmWeights create(LstmConfig config, String prefix, WeightInit init) {
        int h = config.units();
        Variable kernel = new Parameter(prefix + "/kernel", init.create("kernel", config.kernelShape()));
        Variable recurrent = new Parameter(prefix + "/recurrent_kernel",
                init.create("recurrent_kernel", config.recurrentKernelShape()));
        Variable bias = new Parameter(prefix + "/bias", init.create("bias", config.biasShape()));
        if (!config.peepholes()) {
            return new LstmWeights(kernel, recurrent, bias);
        }
        Variable pf = config.coupledInputForget() ? null
                : new Parameter(prefix + "/forget_gate_peephole_weights", init.create("forget_gate_peephole_weights", h));
        return new LstmWeights(kernel, recurrent, bias,
                new Parameter(prefix + "/input_gate_peephole_weights", init.create("input_gate_peephole_weights", h)),
                pf,
                new Parameter(prefix + "/output_gate_peephole_weights", init.create("output_gate_peephole_weights", h)));
    }

    /** Checks shapes, types and which peepholes are present against {@code config}. */
    void check(LstmConfig config) {
        int h = config.units();
        WeightChecks.shape(config, "kernel", kernel, config.kernelShape());
        WeightChecks.shape(config, "recurrentKernel", recurrentKernel, config.recurrentKernelShape());
        WeightChecks.shape(config, "bias", bias, config.biasShape());
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
        WeightChecks.sameType(config, kernel, recurrentKernel, bias, peepholeInput, peepholeForget, peepholeOutput);
    }
}
