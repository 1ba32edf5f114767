package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Activation;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A cell configuration under test, with or without a bias: its weights as plain tensors, and
 * the cell built from them.
 */
record CellCase(String name, CellConfig config, boolean bias) {

    CellCase(String name, CellConfig config) {
        this(name, config, true);
    }

    static List<CellCase> all() {
        return List.of(
                new CellCase("SimpleRNN tanh", SimpleRnnConfig.of(3, 4)),
                new CellCase("SimpleRNN relu", new SimpleRnnConfig(3, 4, Activation.RELU)),
                new CellCase("SimpleRNN sigmoid", new SimpleRnnConfig(3, 4, Activation.SIGMOID)),
                new CellCase("LSTM", LstmConfig.of(3, 4)),
                new CellCase("LSTM peephole", LstmConfig.of(3, 4).withPeepholes()),
                new CellCase("LSTM CIFG", LstmConfig.of(3, 4).withCoupledInputForget()),
                new CellCase("LSTM CIFG peephole", LstmConfig.of(3, 4).withCoupledInputForget().withPeepholes()),
                new CellCase("LSTM cell clip", LstmConfig.of(3, 4).withCellClip(0.3)),
                new CellCase("LSTM peephole cell clip", LstmConfig.of(3, 4).withPeepholes().withCellClip(0.3)),
                new CellCase("GRU reset after", GruConfig.of(3, 4)),
                new CellCase("GRU reset before", GruConfig.of(3, 4).withResetBefore()),
                new CellCase("SimpleRNN linear, no bias", new SimpleRnnConfig(3, 4, Activation.LINEAR), false),
                new CellCase("LSTM no bias", LstmConfig.of(3, 4), false),
                new CellCase("GRU reset after, no bias", GruConfig.of(3, 4), false),
                new CellCase("GRU reset before, no bias", GruConfig.of(3, 4).withResetBefore(), false),
                new CellCase("SimpleRNN layer norm", SimpleRnnConfig.of(3, 4).withLayerNorm()),
                new CellCase("LSTM layer norm", LstmConfig.of(3, 4).withLayerNorm()),
                new CellCase("LSTM layer norm, peephole CIFG", LstmConfig.of(3, 4).withLayerNorm().withPeepholes()
                        .withCoupledInputForget()));
    }

    /** Whether the cell has a bias (a layer-normalized SimpleRNN never has: its beta plays the part). */
    boolean hasBias() {
        return bias && !(config instanceof SimpleRnnConfig c && c.layerNorm());
    }

    /**
     * Weight tensors in the order {@link #cell} takes them: kernel, recurrent kernel, bias (if
     * any), peepholes, then the layer normalization's gammas and betas.
     */
    List<Tensor> weights(DType dtype, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tensor> w = new ArrayList<>(List.of(
                Tensor.uniform(rng, dtype, -0.8, 0.8, config.kernelShape()),
                Tensor.uniform(rng, dtype, -0.8, 0.8, config.recurrentKernelShape())));
        if (hasBias()) {
            w.add(Tensor.uniform(rng, dtype, -0.5, 0.5, config.biasShape()));
        }
        int peepholes = config instanceof LstmConfig lstm ? lstm.peepholeCount() : 0;
        for (int i = 0; i < peepholes; i++) {
            w.add(Tensor.uniform(rng, dtype, -0.8, 0.8, config.units()));
        }
        int h = config.units();
        switch (config) {
            case SimpleRnnConfig c when c.layerNorm() -> {
                w.add(Tensor.uniform(rng, dtype, 0.5, 1.5, h));   // gamma
                w.add(Tensor.uniform(rng, dtype, -0.5, 0.5, h));  // beta
            }
            case LstmConfig c when c.layerNorm() -> {
                int gates = c.layout().count() * h;
                w.add(Tensor.uniform(rng, dtype, 0.5, 1.5, gates)); // input gamma
                w.add(Tensor.uniform(rng, dtype, 0.5, 1.5, gates)); // recurrent gamma
                w.add(Tensor.uniform(rng, dtype, 0.5, 1.5, h));     // cell gamma
                w.add(Tensor.uniform(rng, dtype, -0.5, 0.5, h));    // cell beta
            }
            default -> {
            }
        }
        return w;
    }

    /** The cell with these weights (variables in the order of {@link #weights}). */
    Cell cell(List<Variable> w) {
        var it = w.iterator();
        Variable kernel = it.next();
        Variable recurrent = it.next();
        Variable bias = hasBias() ? it.next() : null;
        return switch (config) {
            case SimpleRnnConfig c when c.layerNorm() -> new SimpleRnnCell(c,
                    new SimpleRnnWeights(kernel, recurrent, null, it.next(), it.next()));
            case SimpleRnnConfig c -> new SimpleRnnCell(c, new SimpleRnnWeights(kernel, recurrent, bias));
            case GruConfig c -> new GruCell(c, new GruWeights(kernel, recurrent, bias));
            case LstmConfig c -> {
                Variable pi = c.peepholes() ? it.next() : null;
                Variable pf = c.peepholes() && !c.coupledInputForget() ? it.next() : null;
                Variable po = c.peepholes() ? it.next() : null;
                LstmNorms norms = c.layerNorm() ? new LstmNorms(it.next(), it.next(), it.next(), it.next()) : null;
                yield new LstmCell(c, new LstmWeights(kernel, recurrent, bias, pi, pf, po, norms));
            }
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
