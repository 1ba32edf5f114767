package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;

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
    public State step(Variable x, State previous) {
        Recurrence.checkStep(this, x, previous);
        LstmWeights w = weights;
        Variable cPrev = previous.c();
        Variable z = x.matmul(w.kernel()).add(previous.h().matmul(w.recurrentKernel())).add(w.bias()); // [B, G*h]
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
        Variable h = o.mul(c.tanh());
        return State.of(h, c);
    }

    private Variable gate(Variable z, Gate gate) {
        return config.layout().block(z, gate, config.units());
    }

    /** {@code z + p * c}, or z itself without peepholes. */
    private static Variable peephole(Variable z, Variable p, Variable c) {
        return p == null ? z : z.add(p.mul(c));
    }
}
