package dev.recur.data.series;

/**
 * How a series is cut into windows and what each window must predict, in the terms of Keras's
 * {@code timeseries_dataset_from_array}: windows start at {@code 0, stride, 2*stride, ...} and
 * take every {@code samplingRate}-th step. Horizons count sampled steps too, so the model sees a
 * series at one rate throughout.
 *
 * <p>For a window starting at time {@code s}, input step {@code t} (0-based) is time
 * {@code s + t*r} ({@code r} = sampling rate), and the targets are:
 * <ul>
 *   <li>{@link Target#POINT}: time {@code s + (window - 1 + horizon)*r}, the step {@code horizon}
 *       steps after the window's last one (horizon 1: the next step);</li>
 *   <li>{@link Target#NEXT_STEPS}: times {@code s + (window - 1 + k)*r} for {@code k = 1..horizon};</li>
 *   <li>{@link Target#EVERY_STEP}: for every input step {@code t}, times {@code s + (t + k)*r} for
 *       {@code k = 1..horizon} (sequence-to-sequence training, Géron ch. 15).</li>
 * </ul>
 *
 * @param window       input steps per window
 * @param horizon      how far ahead the targets reach, in sampled steps
 * @param stride       time steps between the starts of consecutive windows
 * @param samplingRate time steps between consecutive steps of a window
 * @param target       the shape of the targets
 */
public record WindowSpec(int window, int horizon, int stride, int samplingRate, Target target) {

    /** What each window predicts; see {@link WindowSpec}. */
    public enum Target {
        /** One step, {@code horizon} steps ahead: targets {@code [batch, targetColumns]}. */
        POINT,
        /** The next {@code horizon} steps as one vector: targets {@code [batch, horizon * targetColumns]}, step-major. */
        NEXT_STEPS,
        /** The next {@code horizon} steps after every input step: targets {@code [batch, window, horizon * targetColumns]}. */
        EVERY_STEP
    }

    public WindowSpec {
        if (window < 1 || horizon < 1 || stride < 1 || samplingRate < 1 || target == null) {
            throw new IllegalArgumentException("WindowSpec: window, horizon, stride and samplingRate must be at least 1"
                    + " and target non-null; got window=" + window + ", horizon=" + horizon + ", stride=" + stride
                    + ", samplingRate=" + samplingRate + ", target=" + target);
        }
    }

    /** Predict the next step from {@code window} steps. */
    public static WindowSpec nextStep(int window) {
        return new WindowSpec(window, 1, 1, 1, Target.POINT);
    }

    /** Predict the single step {@code horizon} steps after the window. */
    public static WindowSpec pointAhead(int window, int horizon) {
        return new WindowSpec(window, horizon, 1, 1, Target.POINT);
    }

    /** Predict the next {@code horizon} steps at once. */
    public static WindowSpec nextSteps(int window, int horizon) {
        return new WindowSpec(window, horizon, 1, 1, Target.NEXT_STEPS);
    }

    /** Predict the next {@code horizon} steps after every step of the window. */
    public static WindowSpec everyStep(int window, int horizon) {
        return new WindowSpec(window, horizon, 1, 1, Target.EVERY_STEP);
    }

    public WindowSpec withStride(int s) {
        return new WindowSpec(window, horizon, s, samplingRate, target);
    }

    public WindowSpec withSamplingRate(int r) {
        return new WindowSpec(window, horizon, stride, r, target);
    }

    /** Time steps from a window's first input to its last target, both included. */
    public int span() {
        return (window - 1 + horizon) * samplingRate + 1;
    }
}
