package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

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
    public State step(Variable x, State previous, Tensor recurrentDropout) {
        Recurrence.checkStep(this, x, previous, recurrentDropout);
        Variable h = previous.h();
        Variable hd = Recurrence.dropped(h, recurrentDropout); // h_{t-1} as the recurrent products read it
        Variable u = weights.recurrentKernel();
        Variable hh;
        Variable z;
        Variable r;
        if (config.resetAfter()) {
            Variable xw = withBias(x.matmul(weights.kernel()), 0); // [B, 3h]
            Variable hu = withBias(hd.matmul(u), 1);               // [B, 3h]
            z = block(xw, UPDATE).add(block(hu, UPDATE)).sigmoid();
            r = block(xw, RESET).add(block(hu, RESET)).sigmoid();
            hh = block(xw, CANDIDATE).add(r.mul(block(hu, CANDIDATE))).tanh();
        } else {
            Variable xw = withBias(x.matmul(weights.kernel()), -1); // [B, 3h]
            z = block(xw, UPDATE).add(hd.matmul(block(u, UPDATE))).sigmoid();
            r = block(xw, RESET).add(hd.matmul(block(u, RESET))).sigmoid();
            hh = block(xw, CANDIDATE).add(r.mul(hd).matmul(block(u, CANDIDATE))).tanh();
        }
        return State.of(z.mul(h).add(z.neg().add(1.0).mul(hh))); // h_t = z h_{t-1} + (1 - z) h~
    }

    /** {@code m + b}: bias row {@code row} of a {@code [2, 3h]} bias, the whole {@code [3h]} bias for row -1, or m without bias. */
    private Variable withBias(Variable m, int row) {
        Variable b = weights.bias();
        if (b == null) {
            return m;
        }
        return m.add(row < 0 ? b : b.select(0, row));
    }

    private Variable block(Variable m, Gate gate) {
        return GateLayout.GRU.block(m, gate, config.units());
    }
}
