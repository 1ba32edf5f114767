package dev.recur.nn.rnn;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a stack of built layers (a model's {@code layers()}) one time step at a time, keeping
 * each recurrent layer's state between calls: sampling text a character at a time, or a
 * decoder reading its own last output. Each call gives what the stack gives at that step of the
 * whole sequence (in inference: no dropout), within the current grad mode.
 *
 * <pre>{@code
 * Stepper stepper = new Stepper(model.layers());
 * stepper.setState(decoderLstm, encoderState); // optional: start from an encoder's final state
 * Variable y = stepper.step(Variable.constant(x)); // x [batch, 1, features]
 * }</pre>
 *
 * <p>Layers other than recurrent ones must act on each step alone (Dense, Embedding, Dropout,
 * LayerNormalization, ...). A layer reading the sequence from its end ({@code go_backwards},
 * {@link Bidirectional}) cannot run step by step. A stateful layer's carried state is neither
 * read nor changed: the stepper keeps its own.
 *
 * <p>Sampling one sequence ({@code batch} 1) with gradients off ({@link GradMode#noGrad()}) takes a
 * fast path when the stack is {@code [Embedding] LSTM/GRU/SimpleRNN... [Dropout] [Dense]} (see
 * FusedStep): the same results, bit for bit, without the per-step overheads. It reads the
 * weights at every step, so a model trained or loaded in between is seen at once.
 */
public final class Stepper {

    private final List<Layer> layers;
    private final State[] states; // per layer; null for zeros (and for layers without state)
    private final FusedStep fast;  // the batch-1 inference path, or null where it does not apply
    private boolean fastHoldsState; // the fast path's arrays, not states[], hold the current state

    public Stepper(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        this.states = new State[this.layers.size()];
        for (Layer l : this.layers) {
            if (!l.isBuilt()) {
                throw new IllegalStateException("Stepper: layer " + l.name() + " (" + l.type() + ") is not built yet;"
                        + " build the model first");
            }
            if (l instanceof Bidirectional) {
                throw new IllegalArgumentException("Stepper: Bidirectional layer " + l.name() + " cannot run step by"
                        + " step, as its backward half reads the sequence from its end; run it on whole sequences");
            }
            if (l instanceof RecurrentLayer r && r.options().goBackwards()) {
                throw new IllegalArgumentException("Stepper: " + r.type() + " layer " + r.name() + " has"
                        + " go_backwards=true, so it reads the sequence from its end and cannot run step by step");
            }
        }
        this.fast = FusedStep.of(this.layers);
    }

    /**
     * Feeds one time step through every layer and returns the last layer's output for it.
     *
     * @param x one step of the model's input: {@code [batch, 1, features]} (or {@code [batch, 1]}
     *          token ids for an Embedding)
     */
    public Variable step(Variable x) {
        if (fast != null && !GradMode.isEnabled()) {
            if (!fastHoldsState) {
                fastHoldsState = fast.load(states, layers);
            }
            Tensor y = fastHoldsState ? fast.step(x.value()) : null;
            if (y != null) {
                return Variable.constant(y);
            }
        }
        syncStates();
        Context ctx = Context.inference();
        Variable y = x;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof RecurrentLayer r) {
                RecurrentResult out = r.run(y, null, states[i], ctx);
                states[i] = out.state();
                y = out.output();
            } else {
                y = layers.get(i).forward(Masked.of(y), ctx).value();
            }
        }
        return y;
    }

    /** {@link #step(Variable)} on constant data. */
    public Tensor step(Tensor x) {
        return step(Variable.constant(x)).value();
    }

    /** The state {@code layer} will start its next step from, or null for zeros. */
    public State state(RecurrentLayer layer) {
        syncStates();
        return states[indexOf(layer)];
    }

    /** Sets the state {@code layer} starts its next step from (null for zeros), e.g. an encoder's final state. */
    public void setState(RecurrentLayer layer, State state) {
        syncStates();
        states[indexOf(layer)] = state;
    }

    /** Every recurrent layer starts again from zeros. */
    public void reset() {
        fastHoldsState = false;
        Arrays.fill(states, null);
    }

    /** The recurrent layers, in order. */
    public List<RecurrentLayer> recurrentLayers() {
        List<RecurrentLayer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof RecurrentLayer r) {
                out.add(r);
            }
        }
        return out;
    }

    /** Moves the state the fast path holds back into {@code states}. */
    private void syncStates() {
        if (fastHoldsState) {
            fast.store(states, layers);
            fastHoldsState = false;
        }
    }

    private int indexOf(RecurrentLayer layer) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == layer) {
                return i;
            }
        }
        throw new IllegalArgumentException("Stepper: " + layer.type() + " layer " + layer.name()
                + " is not one of the stepped layers");
    }
}
