package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import static dev.recur.nn.rnn.Gate.CELL;
import static dev.recur.nn.rnn.Gate.FORGET;
import static dev.recur.nn.rnn.Gate.INPUT;
import static dev.recur.nn.rnn.Gate.OUTPUT;

/** An LSTM cell; the equations and options are in {@link LstmConfig}. */
public record LstmCell(LstmConfig config, LstmWeights weights) implements Cell {

    public LstmCell {
        weights.check(config);
    }

    @Override
    public DType dtype() {
        return weights.kernel().value().dtype();
    }

    @Override
    public State step(Variable x, State previous, Tensor recurrentDropout) {
        Recurrence.checkStep(this, x, previous, recurrentDropout);
        LstmWeights w = weights;
        Variable cPrev = previous.c();
        Variable z = preActivation(x, Recurrence.dropped(previous.h(), recurrentDropout)); // [B, G*h]
        Variable i = peephole(gate(z, INPUT), w.peepholeInput(), cPrev).sigmoid();
        Variable f = config.coupledInputForget()
                ? i.neg().add(1.0)
                : peephole(gate(z, FORGET), w.peepholeForget(), cPrev).sigmoid();
        Variable g = gate(z, CELL).tanh();
        Variable c = f.mul(cPrev).add(i.mul(g));
        if (config.clipsCell()) {
            c = c.clamp(-config.cellClip(), config.cellClip());
        }
        Variable o = peephole(gate(z, OUTPUT), w.peepholeOutput(), c).sigmoid();
        Variable squashed = config.layerNorm() ? LayerNorm.apply(c, w.norms().cellGamma(), w.norms().cellBeta()) : c;
        Variable h = o.mul(squashed.tanh());
        return State.of(h, c);
    }

    /** {@code x W + h U + b}, or {@code LN(x W) + LN(h U) + b} with layer normalization. */
    private Variable preActivation(Variable x, Variable h) {
        Variable xw = x.matmul(weights.kernel());
        Variable hu = h.matmul(weights.recurrentKernel());
        if (config.layerNorm()) {
            xw = LayerNorm.apply(xw, weights.norms().inputGamma(), null);
            hu = LayerNorm.apply(hu, weights.norms().recurrentGamma(), null);
        }
        Variable z = xw.add(hu);
        return weights.bias() == null ? z : z.add(weights.bias());
    }

    private Variable gate(Variable z, Gate gate) {
        return config.layout().block(z, gate, config.units());
    }

    /** {@code z + p * c}, or z itself without peepholes. */
    private static Variable peephole(Variable z, Variable p, Variable c) {
        return p == null ? z : z.add(p.mul(c));
    }
}
