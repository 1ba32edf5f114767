package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * The weights of a SimpleRNN cell.
 *
 * @param kernel          W, {@code [in, h]}
 * @param recurrentKernel U, {@code [h, h]}
 * @param bias            b, {@code [h]}
 */
public record SimpleRnnWeights(Variable kernel, Variable recurrentKernel, Variable bias) {

    /** Creates the weights as parameters named {@code prefix + "/kernel"} and so on. */
    public static SimpleRnnWeights create(SimpleRnnConfig config, String prefix, WeightInit init) {
        return new SimpleRnnWeights(
                new Parameter(prefix + "/kernel", init.create("kernel", config.kernelShape())),
                new Parameter(prefix + "/recurrent_kernel", init.create("recurrent_kernel", config.recurrentKernelShape())),
                new Parameter(prefix + "/bias", init.create("bias", config.biasShape())));
    }

    /** Checks shapes and types against {@code config}. */
    void check(SimpleRnnConfig config) {
        WeightChecks.shape(config, "kernel", kernel, config.kernelShape());
        WeightChecks.shape(config, "recurrentKernel", recurrentKernel, config.recurrentKernelShape());
        WeightChecks.shape(config, "bias", bias, config.biasShape());
        WeightChecks.sameType(config, kernel, recurrentKernel, bias);
    }
}
