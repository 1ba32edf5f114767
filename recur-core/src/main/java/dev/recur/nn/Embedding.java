package dev.recur.nn;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * Looks up a learned vector for each token id: {@code [batch, time]} ids to
 * {@code [batch, time, outputDim]} vectors (Keras's Embedding, weights {@code embeddings
 * [inputDim, outputDim]} drawn uniformly from [-0.05, 0.05)).
 *
 * <p>Token ids arrive as the float values of an ordinary tensor (the batch tensors of a data
 * loader), so each must be a whole number in [0, inputDim); anything else is an error naming
 * the id and where it is. Ids receive no gradient.
 *
 * <p>With {@code maskZero}, id 0 is padding: its steps are masked for the layers after (an
 * incoming mask is kept too), and as in Keras {@code inputDim} must count that index, so a
 * vocabulary of 9,999 words plus padding needs {@code inputDim = 10000}.
 */
public final class Embedding extends Layer {

    private final int inputDim;
    private final int outputDim;
    private final boolean maskZero;
    private Parameter embeddings; // [inputDim, outputDim]

    public Embedding(int inputDim, int outputDim, boolean maskZero) {
        super("embedding");
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("Embedding needs input_dim >= 1 (the vocabulary size) and output_dim >= 1"
                    + " (the vector size), got input_dim " + inputDim + " and output_dim " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.maskZero = maskZero;
    }

    public Embedding(int inputDim, int outputDim) {
        this(inputDim, outputDim, false);
    }

    @Override
    public String type() {
        return "Embedding";
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    public boolean maskZero() {
        return maskZero;
    }

    @Override
    protected int[] doBuild(BuildContext ctx, int[] inputShape) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("Embedding takes token ids of shape [batch, time] but the input shape is "
                    + batchShape(inputShape) + ". Possible cause: a trailing feature dimension of 1; give the ids as [batch, time]");
        }
        embeddings = addParameter("embeddings", ctx, Initializers.uniform(-0.05, 0.05), inputDim, outputDim);
        return new int[]{inputShape[0], outputDim};
    }

    @Override
    public Masked forward(Masked input, Context ctx) {
        requireBuilt("forward");
        Tensor x = input.value().value(); // [batch, time] token ids
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Embedding input has shape " + x.shapeString()
                    + " but needs token ids of shape [batch, time]");
        }
        int batch = x.dim(0);
        int time = x.dim(1);
        int[] ids = ids(x);
        Variable y = Variable.gather(weight(embeddings), ids, batch, time); // [batch, time, outputDim]
        Tensor mask = input.mask();
        if (maskZero) {
            Tensor zeroMask = Tensor.zeros(embeddings.value().dtype(), batch, time);
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] != 0) {
                    zeroMask.setFlat(i, 1.0);
                }
            }
            mask = mask == null ? zeroMask : zeroMask.mul(mask.to(zeroMask.dtype()));
        }
        return new Masked(y, mask);
    }

    /** The ids as ints, checked to be whole numbers in [0, inputDim). */
    private int[] ids(Tensor x) {
        int[] ids = new int[x.size()];
        for (int i = 0; i < ids.length; i++) {
            double v = x.getFlat(i);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("Embedding input must hold whole-number token ids but element "
                        + at(i, x) + " is " + v + " (input shape " + x.shapeString() + "). Possible cause: feature values"
                        + " given to an Embedding; it needs ids from a tokenizer");
            }
            if (v < 0 || v >= inputDim) {
                throw new IllegalArgumentException("Embedding input holds token id " + (Double.isInfinite(v) ? Double.toString(v) : Long.toString((long) v)) + " at " + at(i, x)
                        + ", outside the valid range [0, " + inputDim + ") of input_dim " + inputDim + " (input shape "
                        + x.shapeString() + "). Possible cause: the vocabulary is larger than input_dim"
                        + (maskZero ? ", which must count the padding index 0 (vocabulary size + 1)" : ""));
            }
            ids[i] = (int) v;
        }
        return ids;
    }

    private static String at(int flat, Tensor x) {
        return "[" + flat / x.dim(1) + ", " + flat % x.dim(1) + "]";
    }

    @Override
    public String spec() {
        return specOf(Integer.toString(inputDim), Integer.toString(outputDim), maskZero ? "mask_zero=true" : null);
    }
}
