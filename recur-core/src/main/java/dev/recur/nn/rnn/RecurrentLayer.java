package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recurrent layer: a {@link Cell} (one time step) and the loop that runs it over a sequence,
 * which this class owns with Keras's options ({@link RecurrentOptions}): returned sequence or last
 * output, final states, direction, masks, carried state, variational dropout and initial state.
 * {@link SimpleRnn}, {@link Lstm} and {@link Gru} only say how to build their cell.
 *
 * <p>Inputs are {@code [batch, time, features]}; the time length may differ between calls (a
 * layer built for an unknown time, -1, accepts any). The loop runs the cell's fused float32 kernel
 * when one applies, and its reference composition otherwise (float64, layer-normalized cells,
 * and training with {@code recurrent_dropout > 0}, which the fused kernels do not implement,
 * as Keras leaves cuDNN then). Dropout masks are drawn from the {@link Context}'s generator in
 * training only, one per sequence: input features {@code [batch, features]} (the fused kernel
 * still runs, on {@code x * mask}), then units of h_{t-1} {@code [batch, units]}.
 *
 * <p>Stateful layers ({@code stateful=true}) start each call from the final state of the
 * previous one, detached from its graph (truncated backpropagation through time), until
 * {@link #resetStates()}; {@link #resetStates(State)} sets the state to carry. The carried state
 * has one row per sequence of the batch, so in training a batch of another size is an error. In
 * inference a batch of another size starts from zeros and its final state is carried from then
 * on (so a model trained on batches of 32 can generate from one seed at a time); an explicit
 * initial state given to {@link #call} always wins over the carried one.
 */
public abstract sealed class RecurrentLayer extends Layer permits SimpleRnn, Lstm, Gru {

    private final RecurrentOptions options;
    private Cell cell;          // null until built
    private State carried;      // stateful: the last call's final state, detached; null for zeros
    private boolean reference;  // run the reference composition even where a fused kernel applies
    private boolean carrying;   // truncated BPTT: carry the final state into the next call as if stateful

    RecurrentLayer(String name, RecurrentOptions options) {
        super(name);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Hidden units h: the size of the output at each step and of each state. */
    public abstract int units();

    /** The loop's options. */
    public final RecurrentOptions options() {
        return options;
    }

    /** The cell, with its weights; fails before the layer is built. */
    public final Cell cell() {
        requireBuilt("cell");
        return cell;
    }

    /** Creates the cell's weights (with {@link #addParameter}) for inputs of {@code inputSize} features. */
    abstract Cell createCell(BuildContext ctx, int inputSize);

    /** A new, unbuilt layer with the same cell settings and these options (Bidirectional's copies). */
    abstract RecurrentLayer withOptions(RecurrentOptions newOptions);

    /** The cell's specification arguments after the units, such as {@code "activation=relu"}. */
    abstract List<String> cellArguments();

    /** Runs the reference composition even where a fused kernel applies (tests compare the two). */
    final void useReference(boolean value) {
        reference = value;
    }

    /** Whether the reference composition runs even where a fused kernel applies. */
    final boolean usesReference() {
        return reference;
    }

    @Override
    protected final int[] doBuild(BuildContext ctx, int[] shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(type() + " needs inputs of shape (batch, time, features) but got input shape "
                    + batchShape(shape) + (shape.length == 1 ? ". Possible cause: the layer before returns one vector per"
                    + " sequence; give it return_sequences=true" : ""));
        }
        if (shape[1] < 1) {
            throw new IllegalArgumentException(type() + " needs a known number of features per step but got input shape "
                    + batchShape(shape));
        }
        cell = createCell(ctx, shape[1]);
        return options.returnSequences() ? new int[]{shape[0], units()} : new int[]{units()};
    }

    /** Runs the layer; the output's mask is the input's with {@code return_sequences} (reversed going backwards). */
    @Override
    public final Masked forward(Masked input, Context ctx) {
        if (options.returnState()) {
            throw new IllegalStateException(type() + " layer " + name() + " has return_state=true, so it returns its"
                    + " output and its final states: run it with call(x, mask, initialState, ctx); forward(...) returns"
                    + " one output, as a Sequential model needs");
        }
        RecurrentResult r = call(input.value(), input.mask(), null, ctx);
        return new Masked(r.output(), r.mask());
    }

    /**
     * Runs the layer from an initial state and returns its output and final states (Keras's
     * {@code layer(x, mask=mask, initial_state=[h, c])} with {@code return_state=True}), as an
     * encoder-decoder needs.
     *
     * @param x       {@code [batch, time, features]}
     * @param mask    {@code [batch, time]} of 0 (padding) and 1, or null
     * @param initial the state before the first step ({@code [batch, units]} each), or null for
     *                zeros (or the carried state of a stateful layer)
     */
    public final RecurrentResult call(Variable x, Tensor mask, State initial, Context ctx) {
        requireBuilt("call");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(ctx, "ctx");
        RecurrentResult r = run(x, mask, initial != null ? initial : carriedFor(x.value().dim(0), ctx), ctx);
        if (carries()) {
            carried = detach(r.state());
        }
        return r;
    }

    /**
     * One time step in inference (no dropout), for sampling and decoding: the state after reading
     * {@code x} from {@code previous}; its h is the step's output. The carried state of a stateful
     * layer is neither read nor changed. Equal to {@link #call} on the whole sequence, step by step.
     *
     * @param x        {@code [batch, features]}
     * @param previous the state before the step, or null for zeros
     */
    public final State step(Variable x, State previous) {
        requireBuilt("step");
        SequenceChecks.stepInput(cell.config(), x.value(), cell.dtype());
        return run(x.unsqueeze(1), null, previous, Context.inference()).state();
    }

    /** The loop: dropout masks, then the fused kernel or the reference composition, then the output. */
    final RecurrentResult run(Variable x, Tensor mask, State start, Context ctx) {
        SequenceChecks.input(cell.config(), x.value(), cell.dtype());
        int batch = x.value().dim(0);
        Variable in = x;
        Tensor recurrentMask = null; // [B, h]
        if (ctx.training() && options.dropout() > 0) {
            Tensor keep = VariationalDropout.mask(ctx.rng(), cell.dtype(), options.dropout(), batch, 1,
                    cell.config().inputSize()); // [B, 1, in]: the same at every step
            in = x.mul(Variable.constant(keep));
        }
        if (ctx.training() && options.recurrentDropout() > 0) {
            recurrentMask = VariationalDropout.mask(ctx.rng(), cell.dtype(), options.recurrentDropout(), batch, units());
        }
        RecurrentOutput out = reference || recurrentMask != null
                ? Recurrence.reference(cell, in, mask, options.direction(), start, recurrentMask)
                : Recurrence.run(cell, in, mask, options.direction(), start);
        if (!options.returnSequences()) {
            return new RecurrentResult(out.last().h(), null, out.last());
        }
        return new RecurrentResult(out.sequence(), options.goBackwards() ? TimeReversal.reverse(mask) : mask, out.last());
    }

    /** The carried state if it fits a batch of this size; null (zeros) otherwise, where allowed. */
    private State carriedFor(int batch, Context ctx) {
        if (!carries() || carried == null) {
            return null;
        }
        int rows = carried.h().value().dim(0);
        if (rows == batch) {
            return carried;
        }
        if (ctx.training()) {
            throw new IllegalArgumentException(type() + " layer " + name() + " is stateful and carries the state of "
                    + rows + " sequences, but this training batch has " + batch + ". Possible cause: the last batch of"
                    + " an epoch is smaller; use a batch size that divides the number of sequences, or call"
                    + " resetStates() before changing the batch size");
        }
        return null;
    }

    private boolean carries() {
        return options.stateful() || carrying;
    }

    /**
     * Truncated backpropagation through time (the trainer's {@code withTruncatedBptt}): while on,
     * the layer carries its final state, detached, into its next call exactly as a stateful layer
     * does, without being configured {@code stateful}. Turning it off forgets the carried state
     * of a layer that is not stateful.
     */
    public final void carryStates(boolean on) {
        carrying = on;
        if (!on && !options.stateful()) {
            carried = null;
        }
    }

    /** The state a stateful layer will start its next call from, or null for zeros. */
    public final State carriedState() {
        return carried;
    }

    /** Forgets the carried state: the next call starts from zeros (a no-op unless stateful). */
    @Override
    public void resetStates() {
        carried = null;
    }

    /**
     * Sets the state a stateful layer carries into its next call (Keras 2's
     * {@code reset_states(states)}), detached; its batch size becomes the layer's.
     */
    public final void resetStates(State state) {
        requireBuilt("resetStates");
        if (!options.stateful()) {
            throw new IllegalStateException("resetStates(state): " + type() + " layer " + name() + " is not stateful;"
                    + " give it stateful=true, or pass the state to call(x, mask, initialState, ctx)");
        }
        SequenceChecks.state(cell.config(), "state", state, state.h().value().dim(0), cell.dtype());
        carried = detach(state);
    }

    private static State detach(State s) {
        return new State(s.h().detach(), s.c() == null ? null : s.c().detach());
    }

    /**
     * {@code LSTM(64, return_sequences=true)}: the units, the cell's arguments, then the options
     * that differ from Keras's defaults; parsing it gives an equal layer.
     */
    @Override
    public final String spec() {
        RecurrentOptions d = RecurrentOptions.DEFAULTS;
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(units()));
        args.addAll(cellArguments());
        if (!options.useBias()) {
            args.add("use_bias=false");
        }
        if (options.kernelInitializer() != d.kernelInitializer()) {
            args.add("kernel_initializer=" + options.kernelInitializer().kerasName());
        }
        if (options.recurrentInitializer() != d.recurrentInitializer()) {
            args.add("recurrent_initializer=" + options.recurrentInitializer().kerasName());
        }
        if (options.biasInitializer() != d.biasInitializer()) {
            args.add("bias_initializer=" + options.biasInitializer().kerasName());
        }
        if (options.dropout() != 0) {
            args.add("dropout=" + options.dropout());
        }
        if (options.recurrentDropout() != 0) {
            args.add("recurrent_dropout=" + options.recurrentDropout());
        }
        flag(args, "return_sequences", options.returnSequences());
        flag(args, "return_state", options.returnState());
        flag(args, "go_backwards", options.goBackwards());
        flag(args, "stateful", options.stateful());
        return type() + "(" + String.join(", ", args) + ")";
    }

    private static void flag(List<String> args, String name, boolean value) {
        if (value) {
            args.add(name + "=true");
        }
    }
}
