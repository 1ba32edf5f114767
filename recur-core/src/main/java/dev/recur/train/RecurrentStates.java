package dev.recur.train;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Layer;
import dev.recur.nn.Model;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.Bidirectional;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.State;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recurrent layers of a model and the state they carry between calls: what truncated BPTT
 * switches on and resets, and what a checkpoint saves of stateful layers, as named tensors
 * {@code <layer>/h} and {@code <layer>/c} ({@code [batch, units]} each; the inner layers of a
 * {@code Bidirectional} are named {@code <wrapper>/forward} and {@code <wrapper>/backward}).
 */
final class RecurrentStates {

    private final Map<String, RecurrentLayer> layers; // by name, in model order

    private RecurrentStates(Map<String, RecurrentLayer> layers) {
        this.layers = layers;
    }

    /** The recurrent layers of {@code model}, including those inside Bidirectional wrappers. */
    static RecurrentStates of(Model model) {
        Map<String, RecurrentLayer> found = new LinkedHashMap<>();
        if (model instanceof Sequential s) {
            for (Layer l : s.layers()) {
                if (l instanceof RecurrentLayer r) {
                    found.put(r.name(), r);
                } else if (l instanceof Bidirectional b) {
                    found.put(b.name() + "/forward", b.forwardLayer());
                    found.put(b.name() + "/backward", b.backwardLayer());
                }
            }
        }
        return new RecurrentStates(found);
    }

    /** The layers, by name. */
    Map<String, RecurrentLayer> layers() {
        return layers;
    }

    /** Checks that truncated BPTT applies: the layers read time forwards, so state flows past to future. */
    void checkForwardInTime(String what) {
        for (var e : layers.entrySet()) {
            if (e.getValue().options().goBackwards() || e.getKey().contains("/")) {
                throw new IllegalArgumentException(what + ": recurrent layer " + e.getKey() + " reads sequences backwards"
                        + " (go_backwards or Bidirectional), so a window's final state belongs to its first step and"
                        + " cannot be carried into the next window. Possible cause: a bidirectional model; train it on"
                        + " whole sequences (no truncated BPTT) or use forward layers only");
            }
        }
    }

    /** Turns truncated BPTT's carrying on or off in every layer (off forgets non-stateful layers' state). */
    void carry(boolean on) {
        layers.values().forEach(l -> l.carryStates(on));
    }

    /** Forgets the carried state of the layers that are not stateful: a new batch starts from zeros. */
    void resetNonStateful() {
        layers.values().stream().filter(l -> !l.options().stateful()).forEach(RecurrentLayer::resetStates);
    }

    /** The carried state of each stateful layer that has one, as named tensors. */
    Map<String, Tensor> statefulCarried() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        layers.forEach((name, l) -> {
            State s = l.options().stateful() ? l.carriedState() : null;
            if (s != null) {
                out.put(name + "/h", s.h().value());
                if (s.c() != null) {
                    out.put(name + "/c", s.c().value());
                }
            }
        });
        return out;
    }

    /**
     * Sets each stateful layer's carried state from named tensors ({@link #statefulCarried});
     * a stateful layer without an entry starts from zeros.
     */
    void restore(Map<String, Tensor> tensors, String what) {
        List<String> unknown = new ArrayList<>(tensors.keySet());
        layers.forEach((name, l) -> {
            if (!l.options().stateful()) {
                return;
            }
            Tensor h = tensors.get(name + "/h");
            Tensor c = tensors.get(name + "/c");
            unknown.remove(name + "/h");
            unknown.remove(name + "/c");
            if (h == null) {
                l.resetStates();
            } else {
                l.resetStates(new State(Variable.constant(h), c == null ? null : Variable.constant(c)));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + ": the checkpoint holds carried states " + unknown
                    + " of no stateful recurrent layer of this model");
        }
    }
}
