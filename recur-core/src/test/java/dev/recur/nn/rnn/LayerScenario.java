package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Activation;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One call of a recurrent layer under test: the layer (made fresh by {@code layer}), the batch
 * and time sizes, whether a mask (with a fully masked row) and an initial state are given, and
 * whether it runs in training (dropout masks from a fixed seed, so every run draws the same).
 */
record LayerScenario(String name, Supplier<Layer> layer, int batch, int time, boolean masked, boolean initialState,
                     boolean training) {

    static final int FEATURES = 2;
    static final int UNITS = 3;

    /** Every option of the loop, for each kind of cell, and the cell variants and Bidirectional's merges. */
    static Stream<LayerScenario> all() {
        List<LayerScenario> all = new ArrayList<>();
        List<Cells> cells = List.of(
                new Cells("SimpleRNN", o -> new SimpleRnn(UNITS, o)),
                new Cells("LSTM", o -> new Lstm(UNITS, o)),
                new Cells("GRU", o -> new Gru(UNITS, o)),
                new Cells("GRU reset before", o -> new Gru(Gru.CellOptions.of(UNITS).withResetAfter(false), o)));
        RecurrentOptions d = RecurrentOptions.DEFAULTS;
        RecurrentOptions seq = d.withReturnSequences(true);
        for (Cells c : cells) {
            all.add(c.scenario("last output", d, 3, 4, false, false, false));
            all.add(c.scenario("return_sequences", seq, 3, 4, false, false, false));
            all.add(c.scenario("return_state", seq.withReturnState(true), 3, 4, false, false, false));
            all.add(c.scenario("go_backwards", seq.withDirection(Direction.BACKWARD), 3, 4, false, false, false));
            all.add(c.scenario("mask, go_backwards, last output", d.withDirection(Direction.BACKWARD), 3, 4, true, false,
                    false));
            all.add(c.scenario("mask, return_sequences", seq, 3, 4, true, false, false));
            all.add(c.scenario("initial state, mask, return_state", d.withReturnState(true), 3, 4, true, true, false));
            all.add(c.scenario("T=1, batch=1", seq, 1, 1, false, false, false));
            all.add(c.scenario("use_bias=false", seq.withUseBias(false), 2, 3, false, true, false));
            all.add(c.scenario("dropout, training", seq.withDropout(0.3), 3, 4, true, false, true));
            all.add(c.scenario("dropout and recurrent_dropout, training", seq.withDropout(0.3).withRecurrentDropout(0.4),
                    3, 4, true, true, true));
        }
        all.add(new LayerScenario("SimpleRNN relu, IRNN", () -> new SimpleRnn(SimpleRnn.CellOptions.of(UNITS)
                .withActivation(Activation.RELU), seq.withRecurrentInitializer(KerasInitializer.IDENTITY)),
                3, 4, true, false, false));
        all.add(new LayerScenario("LSTM peepholes, coupled input-forget, cell_clip", () -> new Lstm(Lstm.CellOptions.of(UNITS)
                .withPeepholes(true).withCoupledInputForget(true).withCellClip(0.4), seq), 3, 4, true, true, false));
        all.add(new LayerScenario("LSTM peepholes", () -> new Lstm(Lstm.CellOptions.of(UNITS).withPeepholes(true),
                seq.withReturnState(true)), 3, 4, true, true, false));
        all.add(new LayerScenario("SimpleRNN layer_norm", () -> new SimpleRnn(SimpleRnn.CellOptions.of(UNITS)
                .withLayerNorm(true), seq), 3, 4, true, true, false));
        all.add(new LayerScenario("LSTM layer_norm", () -> new Lstm(Lstm.CellOptions.of(UNITS).withLayerNorm(true),
                seq.withReturnState(true)), 3, 4, true, true, false));
        all.add(new LayerScenario("LSTM layer_norm, recurrent_dropout, training", () -> new Lstm(Lstm.CellOptions
                .of(UNITS).withLayerNorm(true), seq.withRecurrentDropout(0.3)), 2, 3, false, false, true));
        for (Bidirectional.MergeMode m : Bidirectional.MergeMode.values()) {
            all.add(new LayerScenario("Bidirectional(LSTM) merge " + m.kerasName() + ", mask", () -> new Bidirectional(
                    new Lstm(UNITS, seq), m), 3, 4, true, false, false));
        }
        all.add(new LayerScenario("Bidirectional(GRU) last output, initial states, return_state", () -> new Bidirectional(
                new Gru(UNITS, d.withReturnState(true))), 3, 4, true, true, false));
        all.add(new LayerScenario("Bidirectional(SimpleRNN) T=1 batch=1, dropout, training", () -> new Bidirectional(
                new SimpleRnn(UNITS, seq.withDropout(0.2).withRecurrentDropout(0.2)), Bidirectional.MergeMode.SUM),
                1, 1, false, false, true));
        return all.stream();
    }

    /** Makes a layer of one cell kind from loop options. */
    private record Cells(String name, java.util.function.Function<RecurrentOptions, Layer> make) {
        LayerScenario scenario(String what, RecurrentOptions o, int batch, int time, boolean masked, boolean initial,
                               boolean training) {
            return new LayerScenario(name + " " + what, () -> make.apply(o), batch, time, masked, initial, training);
        }
    }

    /** A fresh layer built for {@code [time, FEATURES]} inputs. */
    Layer build(DType dtype, long seed) {
        Layer l = layer.get();
        l.build(new BuildContext(dtype, new SplittableRandom(seed)), time, FEATURES);
        return l;
    }

    Tensor x(DType dtype, long seed) {
        return Tensor.uniform(new SplittableRandom(seed), dtype, -1, 1, batch, time, FEATURES);
    }

    /** Row 0 keeps every step, row 1 is fully masked, row 2 is right-padded ([1, 1, 0, 0] for T = 4); null unmasked. */
    Tensor mask(DType dtype) {
        if (!masked) {
            return null;
        }
        Tensor m = Tensor.zeros(dtype, batch, time);
        for (int t = 0; t < time; t++) {
            m.set(1, 0, t);
            if (batch > 2) {
                m.set(t < time / 2 ? 1 : 0, 2, t);
            }
        }
        return m;
    }

    /** The initial state tensors the layer takes (h, and c for an LSTM; twice for Bidirectional), or none. */
    List<Tensor> initial(Layer l, DType dtype, long seed) {
        List<Tensor> out = new ArrayList<>();
        if (!initialState) {
            return out;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int copies = l instanceof Bidirectional ? 2 : 1;
        RecurrentLayer r = l instanceof Bidirectional b ? b.forwardLayer() : (RecurrentLayer) l;
        for (int i = 0; i < copies * (r instanceof Lstm ? 2 : 1); i++) {
            out.add(Tensor.uniform(rng, dtype, -0.9, 0.9, batch, UNITS));
        }
        return out;
    }

    /** The context of a run: training with dropout masks drawn from a fixed seed, or inference. */
    Context context() {
        return training ? Context.training(new SplittableRandom(99)) : Context.inference();
    }

    /** Runs the layer and flattens everything it returns (output, and the states with return_state) into one vector. */
    Variable run(Layer l, Variable x, List<Variable> initial) {
        Tensor m = mask(x.value().dtype());
        List<Variable> parts = new ArrayList<>();
        if (l instanceof RecurrentLayer r) {
            RecurrentResult out = r.call(x, m, state(r, initial, 0), context());
            parts.add(out.output());
            if (r.options().returnState()) {
                addState(parts, out.state());
            }
        } else {
            Bidirectional b = (Bidirectional) l;
            int half = initial.size() / 2;
            Bidirectional.Result out = b.call(x, m, state(b.forwardLayer(), initial, 0),
                    state(b.backwardLayer(), initial, half), context());
            if (b.mergeMode() == Bidirectional.MergeMode.NONE) {
                parts.add(out.forward());
                parts.add(out.backward());
            } else {
                parts.add(out.output());
            }
            if (b.forwardLayer().options().returnState()) {
                addState(parts, out.forwardState());
                addState(parts, out.backwardState());
            }
        }
        return Variable.concat(0, parts.stream().map(p -> p.reshape(-1)).toArray(Variable[]::new));
    }

    private static State state(RecurrentLayer r, List<Variable> initial, int from) {
        if (initial.isEmpty()) {
            return null;
        }
        return r instanceof Lstm ? State.of(initial.get(from), initial.get(from + 1)) : State.of(initial.get(from));
    }

    private static void addState(List<Variable> parts, State s) {
        parts.add(s.h());
        if (s.hasCell()) {
            parts.add(s.c());
        }
    }

    /** Runs the reference composition in both halves of a Bidirectional, or in the layer itself. */
    static void useReference(Layer l, boolean value) {
        if (l instanceof Bidirectional b) {
            b.forwardLayer().useReference(value);
            b.backwardLayer().useReference(value);
        } else {
            ((RecurrentLayer) l).useReference(value);
        }
    }

    @Override
    public String toString() {
        return name + ", batch " + batch + ", T " + time + (masked ? ", mask" : "") + (initialState ? ", initial state" : "");
    }
}
