package dev.recur.nn.rnn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;

/**
 * The weights of a GRU cell, gate blocks z, r, h ({@link GateLayout#GRU}).
 *
 * @param kernel          W, {@code [in, 3h]}
 * @param recurrentKernel U, {@code [h, 3h]}
 * @param bias            {@code [2, 3h]} (row 0 input bias, row 1 recurrent bias) with
 *                        {@code resetAfter}, else {@code [3h]}; null for a cell without bias
 */
public record GruWeights(Variable kernel, Variable recurrentKernel, Variable bias) {

    /** Creates the weights as parameters named {@code prefix + "/kernel"} and so on. */
    public static GruWeights create(GruConfig config, String prefix, WeightInit init) {
        return new GruWeights(
                new Parameter(prefix + "/kernel", init.create("kernel", config.kernelShape())),
                new Parameter(prefix + "/recurrent_kernel", init.create("recurrent_kernel", config.recurrentKernelShape())),
                new Parameter(prefix + "/bias", init.create("bias", config.biasShape())));
    }

    /** Checks shapes and types against {@code config}. */
    void check(GruConfig config) {
        WeightChecks.shape(config, "kernel", kernel, config.kernelShape());
        WeightChecks.shape(config, "recurrentKernel", recurrentKernel, config.recurrentKernelShape());
        WeightChecks.optionalShape(config, "bias", bias, config.biasShape());
        WeightChecks.sameType(config, kernel, recurrentKernel, bias);
    }
}
