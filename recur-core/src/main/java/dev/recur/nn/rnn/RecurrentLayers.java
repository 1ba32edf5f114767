package dev.recur.nn.rnn;

import dev.recur.nn.Activation;
import dev.recur.nn.Layer;
import dev.recur.nn.spec.Args;
import dev.recur.nn.spec.LayerRegistry;

/**
 * Registers {@code SimpleRNN}, {@code LSTM}, {@code GRU} and {@code Bidirectional} in the
 * {@link LayerRegistry}, with Keras's argument names:
 * {@code "Input(5, 1) LSTM(3, return_sequences=true)"},
 * {@code "Bidirectional(GRU(64, reset_after=false), merge_mode=sum)"},
 * {@code "SimpleRNN(100, activation=relu, recurrent_initializer=identity)"}. Recur's additions:
 * {@code layer_norm} (SimpleRNN, LSTM), {@code peepholes}, {@code coupled_input_forget} and
 * {@code cell_clip} (LSTM). LSTM and GRU accept {@code activation=tanh} and
 * {@code recurrent_activation=sigmoid} only, their fixed activations.
 */
public final class RecurrentLayers {

    private RecurrentLayers() {
    }

    /** Adds the recurrent layers' factories (the registry calls this once; calling it again is harmless). */
    public static void register() {
        LayerRegistry.register("SimpleRNN", a -> {
            int units = a.requiredInt(0, "units");
            Activation act = Activation.fromKeras(a.stringArg(1, "activation", "tanh"));
            SimpleRnn.CellOptions cell = new SimpleRnn.CellOptions(units, act, a.boolArg("layer_norm", false));
            return new SimpleRnn(cell, options(a));
        });
        LayerRegistry.register("LSTM", a -> {
            int units = a.requiredInt(0, "units");
            fixedActivations(a);
            Lstm.CellOptions cell = new Lstm.CellOptions(units, a.boolArg("unit_forget_bias", true),
                    a.boolArg("peepholes", false), a.boolArg("coupled_input_forget", false),
                    a.doubleArg(-1, "cell_clip", Double.POSITIVE_INFINITY), a.boolArg("layer_norm", false));
            return new Lstm(cell, options(a));
        });
        LayerRegistry.register("GRU", a -> {
            int units = a.requiredInt(0, "units");
            fixedActivations(a);
            return new Gru(new Gru.CellOptions(units, a.boolArg("reset_after", true)), options(a));
        });
        LayerRegistry.register("Bidirectional", a -> {
            Layer inner = LayerRegistry.create(a.layerArg(0, "layer"));
            if (!(inner instanceof RecurrentLayer layer)) {
                throw new IllegalArgumentException("Bidirectional wraps a recurrent layer (SimpleRNN, LSTM or GRU), got "
                        + inner.type());
            }
            return new Bidirectional(layer, Bidirectional.MergeMode.fromKeras(a.stringArg(1, "merge_mode", "concat")));
        });
    }

    /** The loop options every recurrent layer takes. */
    private static RecurrentOptions options(Args a) {
        return new RecurrentOptions(a.boolArg("return_sequences", false), a.boolArg("return_state", false),
                a.boolArg("go_backwards", false) ? Direction.BACKWARD : Direction.FORWARD, a.boolArg("stateful", false),
                a.doubleArg(-1, "dropout", 0), a.doubleArg(-1, "recurrent_dropout", 0), a.boolArg("use_bias", true),
                initializer(a, "kernel_initializer", KerasInitializer.GLOROT_UNIFORM),
                initializer(a, "recurrent_initializer", KerasInitializer.ORTHOGONAL),
                initializer(a, "bias_initializer", KerasInitializer.ZEROS));
    }

    private static KerasInitializer initializer(Args a, String name, KerasInitializer defaultValue) {
        String s = a.stringArg(-1, name, null);
        return s == null ? defaultValue : KerasInitializer.fromKeras(s);
    }

    /** LSTM and GRU compute tanh and sigmoid, as Keras's defaults and cuDNN; other values are refused. */
    private static void fixedActivations(Args a) {
        String act = a.stringArg(-1, "activation", "tanh");
        String rec = a.stringArg(-1, "recurrent_activation", "sigmoid");
        if (!act.equals("tanh") || !rec.equals("sigmoid")) {
            throw new IllegalArgumentException(a.layer() + " has the fixed activations activation=tanh and"
                    + " recurrent_activation=sigmoid (those of Keras's defaults and cuDNN), got activation=" + act
                    + ", recurrent_activation=" + rec + "; for another activation use SimpleRNN(units, activation=...)");
        }
    }
}
