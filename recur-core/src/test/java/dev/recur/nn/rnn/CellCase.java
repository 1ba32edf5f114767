package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A cell configuration under test: its weights as plain tensors, and the cell built from them. */
record CellCase(String name, CellConfig config) {

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
                new CellCase("GRU reset before", GruConfig.of(3, 4).withResetBefore()));
    }

    /** Weight tensors in the order {@link #cell} takes them: kernel, recurrent kernel, bias, peepholes. */
    List<Tensor> weights(DType dtype, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tensor> w = new ArrayList<>(List.of(
                Tensor.uniform(rng, dtype, -0.8, 0.8, config.kernelShape()),
                Tensor.uniform(rng, dtype, -0.8, 0.8, config.recurrentKernelShape()),
                Tensor.uniform(rng, dtype, -0.5, 0.5, config.biasShape())));
        int peepholes = config instanceof LstmConfig lstm ? lstm.peepholeCount() : 0;
        for (int i = 0; i < peepholes; i++) {
            w.add(Tensor.uniform(rng, dtype, -0.8, 0.8, config.units()));
        }
        return w;
    }

    /** The cell with these weights (variables in the order of {@link #weights}). */
    Cell cell(List<Variable> w) {
        return switch (config) {
            case SimpleRnnConfig c -> new SimpleRnnCell(c, new SimpleRnnWeights(w.get(0), w.get(1), w.get(2)));
            case GruConfig c -> new GruCell(c, new GruWeights(w.get(0), w.get(1), w.get(2)));
            case LstmConfig c when c.peepholes() -> new LstmCell(c, new LstmWeights(w.get(0), w.get(1), w.get(2),
                    w.get(3), c.coupledInputForget() ? null : w.get(4), w.get(w.size() - 1)));
            case LstmConfig c -> new LstmCell(c, new LstmWeights(w.get(0), w.get(1), w.get(2)));
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
