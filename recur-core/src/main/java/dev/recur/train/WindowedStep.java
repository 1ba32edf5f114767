package dev.recur.train;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.loss.Weighting;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.nn.Model;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One batch of truncated backpropagation through time ({@link TruncatedBptt}): windows of k1
 * steps in order, the recurrent state carried from window to window (detached), one optimizer
 * step per window that carries loss. {@link FitLoop} runs it in place of its whole-sequence step.
 */
final class WindowedStep {

    /**
     * What a batch gives the logs.
     *
     * @param loss        the windows' losses weighted by their lengths (per-step targets), or the last
     *                    window's; NaN when a window's loss was not finite
     * @param gradNorm    the largest gradient norm of the windows before clipping (0 without
     *                    clipping); NaN when one was not finite
     * @param predictions the windows' outputs joined along time, or the last window's // [batch, time, ...] or [batch, ...]
     * @param mask        their output masks joined the same way, or null // [batch, time]
     */
    record Result(double loss, double gradNorm, Tensor predictions, Tensor mask) {
    }

    private final Model model;
    private final Objective objective;
    private final Optimizer optimizer;
    private final FitOptions options;
    private final TruncatedBptt tbptt;
    private final ClassWeighting classWeighting; // or null
    private final DType dtype;
    private final boolean perStep;     // the model's output has a time dimension: targets per step
    private final RecurrentStates states;

    WindowedStep(Model model, Objective objective, Optimizer optimizer, FitOptions options,
                 ClassWeighting classWeighting, DType dtype, boolean perStep) {
        this.model = model;
        this.objective = objective;
        this.optimizer = optimizer;
        this.options = options;
        this.tbptt = options.truncatedBptt();
        this.classWeighting = classWeighting;
        this.dtype = dtype;
        this.perStep = perStep;
        this.states = RecurrentStates.of(model);
    }

    /**
     * The input shape to build a model for, any window length: {@code [-1, features]} for x
     * {@code [N, T, features]}, or {@code [-1]} for token ids {@code [N, T]} (an Embedding first).
     */
    static int[] buildShape(Tensor x) {
        if (x.rank() != 3 && x.rank() != 2) {
            throw new IllegalArgumentException("fit: truncated BPTT cuts sequences [samples, time, features] (or token"
                    + " ids [samples, time]) into windows along time, but x has shape "
                    + java.util.Arrays.toString(x.shape()) + "; train without withTruncatedBptt, or reshape x to"
                    + " [samples, time, features]");
        }
        return x.rank() == 2 ? new int[]{-1} : new int[]{-1, x.dim(2)};
    }

    /** Checks, once built, that the model can be trained on windows of these sequences. */
    static void check(Model model, TruncatedBptt tbptt, int time) {
        RecurrentStates states = RecurrentStates.of(model);
        if (states.layers().isEmpty()) {
            throw new IllegalArgumentException("fit: truncated BPTT carries recurrent state from window to window, but"
                    + " the model " + model.spec() + " has no recurrent layer (SimpleRNN, LSTM, GRU); train it without"
                    + " withTruncatedBptt");
        }
        states.checkForwardInTime("fit: truncated BPTT");
        int builtTime = model.inputShape()[0];
        if (builtTime != -1 && time > tbptt.forwardLength()) {
            throw new IllegalArgumentException("fit: truncated BPTT cuts sequences of " + time + " steps into windows of "
                    + tbptt.forwardLength() + ", but the model was built for exactly " + builtTime + " steps ("
                    + model.spec() + "). Possible cause: the model was built before fit; build it for any length"
                    + " (time -1, Input(None, features)) or let fit build it");
        }
    }

    /** Whether the model's outputs are per step: their first dimension is the input's time. */
    static boolean perStep(Model model) {
        int[] out = model.outputShape();
        return out.length >= 2 && out[0] == model.inputShape()[0];
    }

    /** Trains on one batch {@code x [batch, T, features]} with targets {@code y [batch, T, ...]} or {@code [batch, ...]}. */
    Result run(Data batch, RandomGenerator dropout) {
        Tensor x = batch.x().to(dtype); // [batch, T, features]
        int time = x.dim(1);
        int k1 = tbptt.forwardLength();
        Context ctx = Context.training(dropout);
        states.resetNonStateful();
        states.carry(true);
        try {
            double weightedLoss = 0;
            double lastLoss = Double.NaN;
            double gradNorm = 0;
            List<Tensor> predictions = new ArrayList<>();
            List<Tensor> masks = new ArrayList<>();
            for (int start = 0; start < time; start += k1) {
                int end = Math.min(time, start + k1);
                Tensor xw = time <= k1 ? x : x.slice(1, start, end).contiguous(); // [batch, L, features]
                if (!perStep && end < time) {
                    try (var noGrad = GradMode.noGrad()) {
                        model.forward(Masked.of(xw), ctx); // only advances the carried state
                    }
                    continue;
                }
                Tensor yw = perStep && time > k1 ? batch.y().slice(1, start, end).contiguous() : batch.y();
                Masked out = forwardWindow(xw, ctx);
                UpdateStep update = update(out, yw);
                lastLoss = update.loss();
                weightedLoss += lastLoss * (end - start);
                gradNorm = Double.isNaN(update.gradNorm()) || Double.isNaN(gradNorm) ? Double.NaN
                        : Math.max(gradNorm, update.gradNorm());
                predictions.add(out.value().value());
                masks.add(out.mask());
            }
            if (predictions.size() == 1) {
                return new Result(lastLoss, gradNorm, predictions.get(0), masks.get(0));
            }
            Tensor mask = masks.get(0) == null ? null : Tensor.concat(1, masks.toArray(Tensor[]::new));
            return new Result(weightedLoss / time, gradNorm, Tensor.concat(1, predictions.toArray(Tensor[]::new)), mask);
        } finally {
            states.carry(false);
        }
    }

    /**
     * A window of L steps: its first {@code L - k2} steps without gradients (their outputs join as
     * constants), the last k2 from the detached state they reach.
     */
    private Masked forwardWindow(Tensor xw, Context ctx) {
        int length = xw.dim(1);
        int k2 = tbptt.backwardLength();
        if (length <= k2) {
            return model.forward(Masked.of(xw), ctx);
        }
        Masked head;
        try (var noGrad = GradMode.noGrad()) {
            head = model.forward(Masked.of(xw.slice(1, 0, length - k2).contiguous()), ctx);
        }
        Masked tail = model.forward(Masked.of(xw.slice(1, length - k2, length).contiguous()), ctx);
        if (!perStep) {
            return tail;
        }
        Variable value = Variable.concat(1, Variable.constant(head.value().value()), tail.value());
        Tensor mask = head.mask() == null ? null : Tensor.concat(1, head.mask(), tail.mask());
        return new Masked(value, mask);
    }

    /** The window's loss and one optimizer update ({@link UpdateStep}). */
    private UpdateStep update(Masked out, Tensor targets) {
        optimizer.zeroGrad();
        Tensor sampleWeights = classWeighting == null ? null
                : classWeighting.sampleWeights(objective, targets, model.outputShape(), "fit: classWeights");
        Variable loss = objective.apply(out.value(), targets, new Weighting(out.mask(), sampleWeights));
        return UpdateStep.apply(loss, optimizer, options);
    }
}
