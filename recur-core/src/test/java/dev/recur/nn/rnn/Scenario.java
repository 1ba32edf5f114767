package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * One sequence run under test: a cell, sizes, mask, direction, initial state. Its inputs are
 * the cell's weights, then x, then (with {@code initialState}) h0 and c0.
 */
record Scenario(CellCase cell, int batch, int time, Masking masking, Direction direction, boolean initialState) {

    enum Masking { NONE, HOLES }

    /** Sizes, masks, directions and initial states every cell is tested with. */
    static Stream<Scenario> all() {
        return CellCase.all().stream().flatMap(c -> Stream.of(
                new Scenario(c, 3, 4, Masking.NONE, Direction.FORWARD, false),
                new Scenario(c, 1, 1, Masking.NONE, Direction.FORWARD, false),
                new Scenario(c, 1, 3, Masking.NONE, Direction.BACKWARD, true),
                new Scenario(c, 3, 4, Masking.HOLES, Direction.FORWARD, true),
                new Scenario(c, 3, 4, Masking.HOLES, Direction.BACKWARD, true)));
    }

    /**
     * The mask: row 0 keeps every step, row 1 is fully masked, row 2 is right-padded with a hole
     * ([1, 0, 1, 0] for T = 4); null without masking.
     */
    Tensor mask(DType dtype) {
        if (masking == Masking.NONE) {
            return null;
        }
        Tensor m = Tensor.zeros(dtype, batch, time);
        for (int t = 0; t < time; t++) {
            m.set(1, 0, t);
            if (batch > 2) {
                m.set(t % 2 == 0 ? 1 : 0, 2, t);
            }
        }
        return m;
    }

    /** Every input tensor: weights, x, and h0 (and c0 for an LSTM) when there is an initial state. */
    List<Tensor> inputs(DType dtype, long seed) {
        List<Tensor> in = new ArrayList<>(cell.weights(dtype, seed));
        SplittableRandom rng = new SplittableRandom(seed + 1);
        in.add(Tensor.uniform(rng, dtype, -1, 1, batch, time, cell.config().inputSize()));
        if (initialState) {
            int states = cell.config().hasCellState() ? 2 : 1;
            for (int i = 0; i < states; i++) {
                in.add(Tensor.uniform(rng, dtype, -0.9, 0.9, batch, cell.config().units()));
            }
        }
        return in;
    }

    /** Runs the scenario on variables made by {@link #inputs}, with the reference loop or the fused kernel. */
    RecurrentOutput run(List<Variable> in, boolean reference) {
        int weights = cell.weights(DType.FLOAT64, 0).size();
        Cell c = cell.cell(in.subList(0, weights));
        Variable x = in.get(weights);
        State initial = null;
        if (initialState) {
            initial = new State(in.get(weights + 1), cell.config().hasCellState() ? in.get(weights + 2) : null);
        }
        Tensor mask = mask(c.dtype());
        return reference ? Recurrence.reference(c, x, mask, direction, initial) : c.run(x, mask, direction, initial);
    }

    /** Sequence, final h and (LSTM) final c flattened into one vector, for checks that want one output. */
    static Variable flatten(RecurrentOutput out) {
        Variable seq = out.sequence().reshape(-1);
        Variable h = out.last().h().reshape(-1);
        return out.last().hasCell()
                ? Variable.concat(0, seq, h, out.last().c().reshape(-1))
                : Variable.concat(0, seq, h);
    }

    @Override
    public String toString() {
        return cell + ", batch " + batch + ", T " + time + ", " + masking + " mask, " + direction
                + (initialState ? ", initial state" : "");
    }
}
