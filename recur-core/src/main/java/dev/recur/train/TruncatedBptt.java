package dev.recur.train;

/**
 * Truncated backpropagation through time for long sequences, with DL4J's semantics
 * ({@code tBPTTForwardLength} k1, {@code tBPTTBackwardLength} k2): {@link Trainer#fit} cuts each
 * batch {@code [batch, T, features]} into windows of k1 steps ({@code [0, k1)}, {@code [k1, 2 k1)},
 * ...; the last window holds the remaining {@code T mod k1} steps and is used, not dropped).
 *
 * <ul>
 *   <li>State: the recurrent layers carry their final state from one window into the next,
 *       detached, so no gradient crosses a window boundary; the state starts from zeros at every
 *       batch. The trainer turns this on itself ({@code RecurrentLayer.carryStates}); layers need
 *       not be {@code stateful}. A {@code stateful} layer keeps its own carry across batches too.</li>
 *   <li>Steps: one optimizer step per window that carries loss (clipping and the learning-rate
 *       schedule apply per step, as the optimizer counts steps).</li>
 *   <li>Gradient length: within a window of L steps, the first {@code max(0, L - k2)} steps run
 *       forward without recording gradients (they advance the state and their outputs count in the
 *       loss's value as constants), the last {@code min(L, k2)} steps run with gradients from the
 *       detached state. So the gradient flows back through at most k2 steps, as DL4J's recurrent
 *       backward loop stops k2 steps before a window's end ({@code LSTMHelpers}: {@code endIdx = T - k2}).
 *       One difference, precisely: in DL4J the layers after the recurrent ones (an output layer)
 *       still receive the gradient of every step's loss; here the first {@code L - k2} steps give
 *       no gradient to any weight. With k2 == k1 (the usual case) the two agree: the whole window
 *       is differentiated.</li>
 *   <li>Targets per step (the model's output is a sequence, {@code [batch, time, ...]}): each window
 *       is scored on its own steps' targets. Targets per sequence (the output has no time
 *       dimension): earlier windows only advance the state (forward, no gradient, no step) and the
 *       last window carries the loss and the one step of the batch.</li>
 *   <li>A sequence no longer than k1 is one window, the whole sequence: training is then exactly
 *       (bit for bit) normal training.</li>
 *   <li>Logs: a batch's {@code loss} is the mean of its windows' losses weighted by their lengths
 *       (per-step targets) or the last window's (per-sequence targets); metrics are computed on
 *       the predictions of all windows joined along time.</li>
 * </ul>
 *
 * <p>The model must accept windows of any length: {@code fit} builds an unbuilt model for inputs
 * of unknown time ({@code Input(None, features)}); a model built for a fixed time is refused when
 * windows are shorter. Recurrent layers running backwards ({@code go_backwards},
 * {@code Bidirectional}) are refused: their state would flow from the future into the past.
 *
 * @param forwardLength  k1: steps per window, &gt;= 1
 * @param backwardLength k2: steps the gradient flows back within a window, in [1, k1]
 */
public record TruncatedBptt(int forwardLength, int backwardLength) {

    public TruncatedBptt {
        if (forwardLength < 1) {
            throw new IllegalArgumentException("FitOptions.withTruncatedBptt: forwardLength must be at least 1 but got "
                    + forwardLength + "; it is the number of steps per window (DL4J's tBPTTForwardLength)");
        }
        if (backwardLength < 1 || backwardLength > forwardLength) {
            throw new IllegalArgumentException("FitOptions.withTruncatedBptt: backwardLength must be in [1, forwardLength = "
                    + forwardLength + "] but got " + backwardLength + "; the gradient cannot flow back further than the"
                    + " window (use backwardLength = forwardLength for full backpropagation within each window)");
        }
    }

    /** Number of windows a sequence of {@code time} steps is cut into: {@code ceil(time / k1)}. */
    public int windows(int time) {
        return (time + forwardLength - 1) / forwardLength;
    }
}
