package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

/**
 * A SimpleRNN cell: {@code h_t = act(x_t W + h_{t-1} U + b)}, or with layer normalization
 * {@code h_t = act(LN(x_t W + h_{t-1} U))} (see {@link SimpleRnnConfig}).
 */
public record SimpleRnnCell(SimpleRnnConfig config, SimpleRnnWeights weights) implements Cell {

    public SimpleRnnCell {
        weights.check(config);
    }

    @Override
    public DType dtype() {
        return weights.kernel().value().dtype();
    }

    @Override
    public State step(Variable x, State previous, Tensor recurrentDropout) {
        Recurrence.checkStep(this, x, previous, recurrentDropout);
        Variable h = Recurrence.dropped(previous.h(), recurrentDropout);
        Variable z = x.matmul(weights.kernel()).add(h.matmul(weights.recurrentKernel())); // [B, h]
        if (config.layerNorm()) {
            z = LayerNorm.apply(z, weights.gamma(), weights.beta());
        } else if (weights.bias() != null) {
            z = z.add(weights.bias());
        }
        return State.of(config.activation().apply(z));
    }
}
