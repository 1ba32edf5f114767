package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keras's {@code Bidirectional}: two copies of a recurrent layer, one reading the sequence
 * forward, one from its end ({@code go_backwards}); with {@code return_sequences} the backward
 * copy's output is reversed back to time order, so that step t of both describes time t, then
 * the two are merged. Each copy has its own weights (forward's first), so there are twice the
 * wrapped layer's parameters. Masks, stateful carry-over and dropout apply to each copy.
 */
public final class Bidirectional extends Layer {

    /** How the two directions' outputs are combined, by Keras's names. */
    public enum MergeMode {
        /** Joined along the features: {@code [.., 2 * units]} (Keras's default). */
        CONCAT("concat"),
        SUM("sum"),
        MUL("mul"),
        /** The average {@code (forward + backward) / 2}. */
        AVE("ave"),
        /** Not merged: {@link #call} returns both outputs apart (Keras's {@code merge_mode=None}). */
        NONE("None");

        private final String keras;

        MergeMode(String keras) {
            this.keras = keras;
        }

        public String kerasName() {
            return keras;
        }

        /** The mode with this Keras name; {@code None} and {@code none} mean {@link #NONE}. */
        public static MergeMode fromKeras(String name) {
            for (MergeMode m : values()) {
                if (m.keras.equals(name) || (m == NONE && name.toLowerCase(Locale.ROOT).equals("none"))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("Bidirectional merge_mode must be one of "
                    + Arrays.stream(values()).map(MergeMode::kerasName).collect(Collectors.joining(", "))
                    + ", got '" + name + "'");
        }

        Variable merge(Variable forward, Variable backward) {
            return switch (this) {
                case CONCAT -> Variable.concat(forward.value().rank() - 1, forward, backward);
                case SUM -> forward.add(backward);
                case MUL -> forward.mul(backward);
                case AVE -> forward.add(backward).mul(0.5);
                case NONE -> null;
            };
        }
    }

    /**
     * What {@link #call} returns.
     *
     * @param output        the merged output, null for {@link MergeMode#NONE}
     * @param forward       the forward copy's output
     * @param backward      the backward copy's output, in time order (reversed back with {@code return_sequences})
     * @param mask          the output's mask {@code [batch, time]}: the input's with {@code return_sequences}, else null
     * @param forwardState  the forward copy's final state
     * @param backwardState the backward copy's final state (after reading time step 0)
     */
    public record Result(Variable output, Variable forward, Variable backward, Tensor mask, State forwardState,
                         State backwardState) {
    }

    private final String wrappedName;
    private final RecurrentLayer forwardLayer;  // a copy of the wrapped layer
    private final RecurrentLayer backwardLayer; // a copy that reads the sequence from its end
    private final MergeMode mergeMode;

    /** Both directions, concatenated. */
    public Bidirectional(RecurrentLayer layer) {
        this(layer, MergeMode.CONCAT);
    }

    public Bidirectional(RecurrentLayer layer, MergeMode mergeMode) {
        super("bidirectional");
        Objects.requireNonNull(layer, "layer");
        this.mergeMode = Objects.requireNonNull(mergeMode, "mergeMode");
        if (layer.isBuilt()) {
            throw new IllegalArgumentException("Bidirectional copies the configuration of the layer it wraps, not its"
                    + " weights, so it needs an unbuilt layer, but " + layer.type() + " layer " + layer.name()
                    + " is built; pass a new layer");
        }
        if (layer.options().goBackwards()) {
            throw new IllegalArgumentException("Bidirectional wraps a layer with go_backwards=false and makes the"
                    + " backward copy itself, but " + layer.type() + " layer " + layer.name() + " has go_backwards=true");
        }
        wrappedName = layer.name();
        forwardLayer = layer.withOptions(layer.options());
        backwardLayer = layer.withOptions(layer.options().withDirection(Direction.BACKWARD));
    }

    @Override
    public String type() {
        return "Bidirectional";
    }

    public MergeMode mergeMode() {
        return mergeMode;
    }

    /** The copy reading forward. */
    public RecurrentLayer forwardLayer() {
        return forwardLayer;
    }

    /** The copy reading from the end. */
    public RecurrentLayer backwardLayer() {
        return backwardLayer;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        forwardLayer.setName(name() + "/forward_" + wrappedName);
        backwardLayer.setName(name() + "/backward_" + wrappedName);
        int[] out = forwardLayer.build(ctx, inputShape);
        backwardLayer.build(ctx, inputShape);
        addParameters(forwardLayer.parameters());
        addParameters(backwardLayer.parameters());
        if (mergeMode == MergeMode.CONCAT) {
            out[out.length - 1] *= 2;
        }
        return out;
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        if (mergeMode == MergeMode.NONE || forwardLayer.options().returnState()) {
            throw new IllegalStateException("Bidirectional layer " + name() + " has "
                    + (mergeMode == MergeMode.NONE ? "merge_mode=None" : "return_state=true") + ", so it returns several"
                    + " outputs: run it with call(x, mask, forwardInitial, backwardInitial, ctx); forward(...) returns one"
                    + " output, as a Sequential model needs");
        }
        Result r = call(input.value(), input.mask(), null, null, ctx);
        return new Masked(r.output(), r.mask());
    }

    /**
     * Runs both copies, each from its initial state (null: zeros, or the carried state when stateful).
     *
     * @param x    {@code [batch, time, features]}
     * @param mask {@code [batch, time]} of 0 and 1, or null
     */
    public Result call(Variable x, Tensor mask, State forwardInitial, State backwardInitial, Context ctx) {
        requireBuilt("call");
        RecurrentResult f = forwardLayer.call(x, mask, forwardInitial, ctx);
        RecurrentResult b = backwardLayer.call(x, mask, backwardInitial, ctx);
        boolean sequences = forwardLayer.options().returnSequences();
        Variable backward = sequences ? TimeReversal.reverse(b.output()) : b.output();
        return new Result(mergeMode.merge(f.output(), backward), f.output(), backward, sequences ? mask : null,
                f.state(), b.state());
    }

    @Override
    public void resetStates() {
        forwardLayer.resetStates();
        backwardLayer.resetStates();
    }

    /** {@code Bidirectional(LSTM(64), merge_mode=sum)}; the default concat is left out. */
    @Override
    public String spec() {
        return "Bidirectional(" + forwardLayer.spec() + (mergeMode == MergeMode.CONCAT ? "" : ", merge_mode="
                + mergeMode.kerasName()) + ")";
    }
}
