package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;

/** A SimpleRNN cell: {@code h_t = act(x_t W + h_{t-1} U + b)}. */
public record SimpleRnnCell(SimpleRnnConfig config, SimpleRnnWeights weights) implements Cell {

    public SimpleRnnCell {
        weights.check(config);
    }

    @Override
    public DType dtype() {
        return weights.kernel().value().dtype();
    }

    @Override
    public State step(Variable x, State previous) {
        Recurrence.checkStep(this, x, previous);
        Variable z = x.matmul(weights.kernel()).add(previous.h().matmul(weights.recurrentKernel())).add(weights.bias());
        return State.of(config.activation().apply(z));
    }
}
