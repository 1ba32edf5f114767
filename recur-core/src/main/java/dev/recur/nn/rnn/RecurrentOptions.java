package dev.recur.nn.rnn;

import java.util.Objects;

/**
 * How a recurrent layer runs its cell over time and creates its weights: Keras's arguments
 * common to {@code SimpleRNN}, {@code LSTM} and {@code GRU}. Immutable; start from
 * {@link #DEFAULTS} (Keras's defaults) and change what differs:
 * <pre>{@code
 * RecurrentOptions.DEFAULTS.withReturnSequences(true).withDropout(0.2)
 * }</pre>
 *
 * @param returnSequences      return the output of every step {@code [batch, time, units]}, or only
 *                             the last {@code [batch, units]}
 * @param returnState          the layer is meant for {@link RecurrentLayer#call}, which returns the final
 *                             states too; {@link RecurrentLayer#forward} refuses it (one output per layer)
 * @param direction            {@link Direction#BACKWARD} is Keras's {@code go_backwards}: the sequence is
 *                             processed from its end and returned in processing order
 * @param stateful             the final state of a batch is the initial state of the next (detached);
 *                             see {@link RecurrentLayer} for batch sizes
 * @param dropout              fraction of the input features dropped in training, one mask per sequence
 * @param recurrentDropout     fraction of the units of h_{t-1} dropped in training where it enters the
 *                             recurrent products, one mask per sequence
 * @param useBias              whether the cell has a bias
 * @param kernelInitializer    initializer of the kernel W (and of LSTM peepholes, as TensorFlow)
 * @param recurrentInitializer initializer of the recurrent kernel U
 * @param biasInitializer      initializer of the bias (an LSTM then sets its forget block to 1 with
 *                             {@code unit_forget_bias})
 */
public record RecurrentOptions(boolean returnSequences, boolean returnState, Direction direction, boolean stateful,
                               double dropout, double recurrentDropout, boolean useBias,
                               KerasInitializer kernelInitializer, KerasInitializer recurrentInitializer,
                               KerasInitializer biasInitializer) {

    /** Keras's defaults. */
    public static final RecurrentOptions DEFAULTS = new RecurrentOptions(false, false, Direction.FORWARD, false,
            0, 0, true, KerasInitializer.GLOROT_UNIFORM, KerasInitializer.ORTHOGONAL, KerasInitializer.ZEROS);

    public RecurrentOptions {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        Objects.requireNonNull(recurrentInitializer, "recurrentInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
        checkRate("dropout", dropout);
        checkRate("recurrent_dropout", recurrentDropout);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1) (the fraction of units to drop), got " + rate);
        }
    }

    public RecurrentOptions withReturnSequences(boolean value) {
        return new RecurrentOptions(value, returnState, direction, stateful, dropout, recurrentDropout, useBias,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withReturnState(boolean value) {
        return new RecurrentOptions(returnSequences, value, direction, stateful, dropout, recurrentDropout, useBias,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    /** {@code withDirection(Direction.BACKWARD)} is Keras's {@code go_backwards=True}. */
    public RecurrentOptions withDirection(Direction value) {
        return new RecurrentOptions(returnSequences, returnState, value, stateful, dropout, recurrentDropout, useBias,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withStateful(boolean value) {
        return new RecurrentOptions(returnSequences, returnState, direction, value, dropout, recurrentDropout, useBias,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withDropout(double value) {
        return new RecurrentOptions(returnSequences, returnState, direction, stateful, value, recurrentDropout, useBias,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withRecurrentDropout(double value) {
        return new RecurrentOptions(returnSequences, returnState, direction, stateful, dropout, value, useBias,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withUseBias(boolean value) {
        return new RecurrentOptions(returnSequences, returnState, direction, stateful, dropout, recurrentDropout, value,
                kernelInitializer, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withKernelInitializer(KerasInitializer value) {
        return new RecurrentOptions(returnSequences, returnState, direction, stateful, dropout, recurrentDropout, useBias,
                value, recurrentInitializer, biasInitializer);
    }

    public RecurrentOptions withRecurrentInitializer(KerasInitializer value) {
        return new RecurrentOptions(returnSequences, returnState, direction, stateful, dropout, recurrentDropout, useBias,
                kernelInitializer, value, biasInitializer);
    }

    public RecurrentOptions withBiasInitializer(KerasInitializer value) {
        return new RecurrentOptions(returnSequences, returnState, direction, stateful, dropout, recurrentDropout, useBias,
                kernelInitializer, recurrentInitializer, value);
    }

    /** Whether the sequence is processed from its end (Keras's {@code go_backwards}). */
    public boolean goBackwards() {
        return direction == Direction.BACKWARD;
    }
}
