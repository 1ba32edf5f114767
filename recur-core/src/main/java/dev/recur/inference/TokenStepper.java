package dev.recur.inference;

import dev.recur.autodiff.GradMode;
import dev.recur.data.OneHot;
import dev.recur.nn.Activation;
import dev.recur.nn.Dense;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.Stepper;
import dev.recur.tensor.Tensor;

/**
 * A language model fed one token id at a time, its recurrent state carried between calls
 * ({@link Stepper}): {@link #feed} costs one time step whatever came before. The model takes
 * either token ids ({@code Input(None)} then {@code Embedding}, input {@code [batch, time]}) or
 * one-hot rows ({@code Input(None, vocab)}, input {@code [batch, time, vocab]}), and gives one
 * row of logits per step ({@code [batch, time, vocab]}; a final {@code softmax} is undone with
 * {@link Sampler#logitsOf}). Batch 1.
 */
public final class TokenStepper {

    private final Stepper stepper;
    private final int oneHotDepth; // vocabulary size of a one-hot input, 0 for token ids
    private final boolean probabilities; // the model ends in a softmax
    private final int vocabularySize;

    /** A stepper over a built model whose input is token ids or one-hot rows. */
    public TokenStepper(Sequential model) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("TokenStepper: the model is not built; load it from a file or train it first");
        }
        int[] in = model.inputShape();
        int[] out = model.outputShape();
        if (in.length > 2 || out.length != 2) {
            throw new IllegalArgumentException("TokenStepper: a language model maps [batch, time] token ids or"
                    + " [batch, time, vocab] one-hot rows to [batch, time, vocab] logits, but this model maps "
                    + Layer.batchShape(in) + " to " + Layer.batchShape(out)
                    + ". Possible cause: the last recurrent layer lacks return_sequences=true");
        }
        this.stepper = new Stepper(model.layers());
        this.oneHotDepth = in.length == 2 ? in[1] : 0;
        this.vocabularySize = out[1];
        this.probabilities = model.layers().getLast() instanceof Dense d && d.activation() == Activation.SOFTMAX;
    }

    /** Number of logits per step: the model's vocabulary size. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** Feeds one token and returns the logits for the next one // [vocab]. */
    public float[] feed(int token) {
        if (token < 0 || token >= vocabularySize || (oneHotDepth > 0 && token >= oneHotDepth)) {
            throw new IllegalArgumentException("TokenStepper: token id " + token + " is outside the model's vocabulary"
                    + " [0, " + vocabularySize + ")");
        }
        Tensor x = oneHotDepth > 0
                ? OneHot.encode(new int[][]{{token}}, oneHotDepth) // [1, 1, vocab]
                : Tensor.of(new float[]{token}, 1, 1);             // [1, 1]
        float[] row;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            row = stepper.step(x).toFloatArray(); // [1, 1, vocab] flattened
        }
        return probabilities ? Sampler.logitsOf(row) : row;
    }

    /** Feeds every token in order and returns the logits after the last // [vocab]; at least one token. */
    public float[] feed(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("TokenStepper: nothing to feed; give at least one token");
        }
        float[] logits = null;
        for (int t : tokens) {
            logits = feed(t);
        }
        return logits;
    }

    /** Forgets the carried state: the next token starts a new sequence. */
    public void reset() {
        stepper.reset();
    }
}
