package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * The weights of a SimpleRNN cell.
 *
 * @param kernel          W, {@code [in, h]}
 * @param recurrentKernel U, {@code [h, h]}
 * @param bias            b, {@code [h]}; null for a cell without bias, and always with layer normalization
 * @param gamma           the layer normalization's gain, {@code [h]}; null without layer normalization
 * @param beta            the layer normalization's shift, {@code [h]}; null without layer normalization
 */
public record SimpleRnnWeights(Variable kernel, Variable recurrentKernel, Variable bias, Variable gamma, Variable beta) {

    /** Weights without layer normalization. */
    public SimpleRnnWeights(Variable kernel, Variable recurrentKernel, Variable bias) {
        this(kernel, recurrentKernel, bias, null, null);
    }

    /**
     * Creates the weights as parameters named {@code prefix + "/kernel"}, {@code "/recurrent_kernel"},
     * {@code "/bias"}, or with layer normalization {@code "/gamma"} and {@code "/beta"} instead of the bias.
     */
    public static SimpleRnnWeights create(SimpleRnnConfig config, String prefix, WeightInit init) {
        Variable kernel = new Parameter(prefix + "/kernel", init.create("kernel", config.kernelShape()));
        Variable recurrent = new Parameter(prefix + "/recurrent_kernel",
                init.create("recurrent_kernel", config.recurrentKernelShape()));
        if (!config.layerNorm()) {
            return new SimpleRnnWeights(kernel, recurrent, new Parameter(prefix + "/bias", init.create("bias", config.biasShape())));
        }
        return new SimpleRnnWeights(kernel, recurrent, null,
                new Parameter(prefix + "/gamma", init.create("gamma", config.units())),
                new Parameter(prefix + "/beta", init.create("beta", config.units())));
    }

    /** Checks shapes, types and which weights are present against {@code config}. */
    void check(SimpleRnnConfig config) {
        WeightChecks.shape(config, "kernel", kernel, config.kernelShape());
        WeightChecks.shape(config, "recurrentKernel", recurrentKernel, config.recurrentKernelShape());
        if (config.layerNorm()) {
            WeightChecks.absent(config, "bias", bias, "with layer normalization the normalization's beta is the bias");
            WeightChecks.shape(config, "gamma", gamma, config.units());
            WeightChecks.shape(config, "beta", beta, config.units());
        } else {
            WeightChecks.optionalShape(config, "bias", bias, config.biasShape());
            String reason = "the configuration has no layer normalization; use config.withLayerNorm()";
            WeightChecks.absent(config, "gamma", gamma, reason);
            WeightChecks.absent(config, "beta", beta, reason);
        }
        WeightChecks.sameType(config, kernel, recurrentKernel, bias, gamma, beta);
    }
}
