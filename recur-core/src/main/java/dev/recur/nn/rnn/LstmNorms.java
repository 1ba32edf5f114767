package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;

/**
 * The layer-normalization weights of an LN-LSTM ({@link LstmConfig#layerNorm()}): gains of the
 * normalized input and recurrent projections (their betas are folded into the bias), and gain
 * and shift of the normalized cell state.
 *
 * @param inputGamma     gamma_x, {@code [G*h]}
 * @param recurrentGamma gamma_h, {@code [G*h]}
 * @param cellGamma      gamma_c, {@code [h]}
 * @param cellBeta       beta_c, {@code [h]}
 */
public record LstmNorms(Variable inputGamma, Variable recurrentGamma, Variable cellGamma, Variable cellBeta) {

    /** Checks presence and shapes against {@code config}. */
    void check(LstmConfig config) {
        int gates = config.layout().count() * config.units();
        WeightChecks.shape(config, "inputGamma", inputGamma, gates);
        WeightChecks.shape(config, "recurrentGamma", recurrentGamma, gates);
        WeightChecks.shape(config, "cellGamma", cellGamma, config.units());
        WeightChecks.shape(config, "cellBeta", cellBeta, config.units());
    }
}
