package dev.recur.tasks.forecast;

import dev.recur.data.series.WindowSpec;
import dev.recur.tensor.Tensor;
import dev.recur.train.Trainer;

/**
 * The three ways to forecast the next {@code H} steps of a univariate series (Géron, ch. 15),
 * each with the targets it trains on and the way it turns the model's outputs into
 * {@code [batch, H]} forecasts.
 */
public enum Strategy {
    /** Train to predict one step ({@code [batch, 1]}), then forecast by feeding each prediction back as the newest input. */
    ITERATIVE(WindowSpec.Target.POINT),
    /** Predict all {@code H} steps at once from the last state: outputs {@code [batch, H]} (e.g. {@code Dense(H)}). */
    VECTOR(WindowSpec.Target.NEXT_STEPS),
    /**
     * Predict the next {@code H} steps after every input step ({@code TimeDistributed(Dense(H))}, outputs
     * {@code [batch, steps, H]}), trained on all steps; the forecast is the last step's vector.
     */
    SEQ2SEQ(WindowSpec.Target.EVERY_STEP);

    private static final int BATCH = 1000;

    private final WindowSpec.Target target;

    Strategy(WindowSpec.Target target) {
        this.target = target;
    }

    /** The window layout this strategy trains on: {@code window} inputs, targets reaching {@code horizon} steps. */
    public WindowSpec windows(int window, int horizon) {
        return new WindowSpec(window, this == ITERATIVE ? 1 : horizon, 1, 1, target);
    }

    /** The targets for {@code horizon} steps as this strategy trains on them, from every-step targets. */
    public Tensor targets(Tensor everyStep, int horizon) { // everyStep: [batch, window, H'] with H' >= horizon
        int h = this == ITERATIVE ? 1 : horizon;
        if (everyStep.rank() != 3 || everyStep.dim(2) < h) {
            throw new IllegalArgumentException("Strategy.targets: expected every-step targets [batch, window, >= " + h
                    + "] but got " + everyStep.shapeString());
        }
        Tensor ahead = everyStep.slice(2, 0, h);
        return this == SEQ2SEQ ? ahead.contiguous() : ahead.select(1, everyStep.dim(1) - 1).contiguous();
    }

    /**
     * Forecasts the next {@code horizon} steps after each window with a trained model.
     *
     * @param trainer the model (only its forward pass is used)
     * @param windows [batch, window, 1]
     * @return [batch, horizon]
     */
    public Tensor forecast(Trainer trainer, Tensor windows, int horizon) {
        if (windows.rank() != 3 || (this == ITERATIVE && windows.dim(2) != 1)) {
            throw new IllegalArgumentException("Strategy." + this + ".forecast: expected windows shaped [batch, window, "
                    + (this == ITERATIVE ? "1" : "features") + "] but got " + windows.shapeString()
                    + (this == ITERATIVE ? "; the iterative strategy feeds its forecasts back, so the series must be univariate" : ""));
        }
        return switch (this) {
            case ITERATIVE -> iterate(trainer, windows, horizon);
            case VECTOR -> check(trainer.predict(windows, BATCH), windows, horizon, 2);
            case SEQ2SEQ -> {
                Tensor all = check(trainer.predict(windows, BATCH), windows, horizon, 3); // [batch, steps, horizon]
                yield all.select(1, all.dim(1) - 1).contiguous();
            }
        };
    }

    private static Tensor iterate(Trainer trainer, Tensor windows, int horizon) {
        Tensor x = windows.contiguous();
        Tensor[] steps = new Tensor[horizon];
        for (int k = 0; k < horizon; k++) {
            Tensor next = check(trainer.predict(x, BATCH), windows, 1, 2); // [batch, 1]
            steps[k] = next;
            x = Tensor.concat(1, x.slice(1, 1, x.dim(1)), next.reshape(next.dim(0), 1, 1)).contiguous();
        }
        return Tensor.concat(1, steps);
    }

    private static Tensor check(Tensor out, Tensor windows, int horizon, int rank) {
        if (out.rank() != rank || out.dim(rank - 1) != horizon) {
            throw new IllegalArgumentException("Strategy: the model maps windows " + windows.shapeString() + " to "
                    + out.shapeString() + " but this strategy needs [batch, " + (rank == 3 ? "steps, " : "") + horizon
                    + "]. Possible fix: end the model with " + (rank == 3 ? "TimeDistributed(Dense(" + horizon + "))"
                    : "Dense(" + horizon + ")"));
        }
        return out;
    }
}
