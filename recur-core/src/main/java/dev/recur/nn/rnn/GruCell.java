package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;

import static dev.recur.nn.rnn.Gate.CANDIDATE;
import static dev.recur.nn.rnn.Gate.RESET;
import static dev.recur.nn.rnn.Gate.UPDATE;

/** A GRU cell; the equations of both reset conventions are in {@link GruConfig}. */
public record GruCell(GruConfig config, GruWeights weights) implements Cell {

    public GruCell {
        weights.check(config);
    }

    @Override
    public DType dtype() {
        return weights.kernel().value().dtype();
    }

    @Override
    public State step(Variable x, State previous) {
        Recurrence.checkStep(this, x, previous);
        Variable h = previous.h();
        Variable u = weights.recurrentKernel();
        Variable hh;
        Variable z;
        Variable r;
        if (config.resetAfter()) {
            Variable xw = x.matmul(weights.kernel()).add(weights.bias().select(0, 0)); // [B, 3h]
            Variable hu = h.matmul(u).add(weights.bias().select(0, 1));                 // [B, 3h]
            z = block(xw, UPDATE).add(block(hu, UPDATE)).sigmoid();
            r = block(xw, RESET).add(block(hu, RESET)).sigmoid();
            hh = block(xw, CANDIDATE).add(r.mul(block(hu, CANDIDATE))).tanh();
        } else {
            Variable xw = x.matmul(weights.kernel()).add(weights.bias());              // [B, 3h]
            z = block(xw, UPDATE).add(h.matmul(block(u, UPDATE))).sigmoid();
            r = block(xw, RESET).add(h.matmul(block(u, RESET))).sigmoid();
            hh = block(xw, CANDIDATE).add(r.mul(h).matmul(block(u, CANDIDATE))).tanh();
        }
        return State.of(z.mul(h).add(z.neg().add(1.0).mul(hh))); // h_t = z h_{t-1} + (1 - z) h~
    }

    private Variable block(Variable m, Gate gate) {
        return GateLayout.GRU.block(m, gate, config.units());
    }
}
