package dev.recur.train;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.loss.Loss;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.loss.Weighting;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;

/**
 * The compiled loss and the form of targets it takes: targets shaped like the model's outputs
 * (any {@link Loss}), or class indices ({@link SparseCategoricalCrossEntropy}). Class indices
 * arrive as a float tensor holding whole numbers, shaped like the outputs without their last
 * dimension ({@code [N]} for outputs {@code [N, classes]}, {@code [N, time]} for
 * {@code [N, time, classes]}); a trailing dimension of 1 ({@code [N, 1]}, as Keras examples
 * write labels) is accepted and dropped. They are converted to {@code int[]} batch by batch.
 */
final class Objective {

    /** Largest number of prediction values checked at once when validating targets up front. */
    private static final int CHECK_CHUNK_VALUES = 1 << 20;

    private final Loss dense;                          // or null
    private final SparseCategoricalCrossEntropy sparse; // or null

    private Objective(Loss dense, SparseCategoricalCrossEntropy sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    static Objective of(Loss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("compile: the loss must not be null; pass one such as new MeanSquaredError()");
        }
        return new Objective(loss, null);
    }

    static Objective of(SparseCategoricalCrossEntropy loss) {
        if (loss == null) {
            throw new IllegalArgumentException("compile: the loss must not be null; pass one such as"
                    + " SparseCategoricalCrossEntropy.fromLogits()");
        }
        return new Objective(null, loss);
    }

    /** The loss's class name, for messages. */
    String name() {
        return sparse != null ? "SparseCategoricalCrossEntropy" : dense.getClass().getSimpleName();
    }

    /** The loss's configuration where it is a record (compared when a run resumes), else a placeholder. */
    String description() {
        Object loss = sparse != null ? sparse : dense;
        return loss.getClass().isRecord() ? loss.toString() : "a custom loss";
    }

    boolean takesClassIndices() {
        return sparse != null;
    }

    /** The target shape (batch excluded) for outputs of this shape (batch excluded). */
    int[] targetShape(int[] outputShape) {
        return sparse != null ? Arrays.copyOf(outputShape, outputShape.length - 1) : outputShape.clone();
    }

    /**
     * {@code y} in the shape the loss takes ({@code [N] + targetShape}): checked, and for class
     * indices without a trailing dimension of 1.
     *
     * @param what the argument's name in messages, e.g. {@code "fit: y"}
     */
    Tensor normalize(Tensor y, int[] outputShape, String what) {
        int[] given = Arrays.copyOfRange(y.shape(), 1, y.rank());
        int[] expected = targetShape(outputShape);
        if (Arrays.equals(given, expected)) {
            return y;
        }
        if (sparse != null && Arrays.equals(given, append(expected, 1))) {
            return y.reshape(Shapes.size(y.shape()) == 0 ? withFirst(expected, 0) : withFirst(expected, y.dim(0)));
        }
        throw new IllegalArgumentException(what + " has samples of shape " + Shapes.str(given) + " but " + name()
                + " on the model's outputs of shape " + Shapes.str(outputShape) + " needs targets of shape "
                + Shapes.str(expected) + " (batch excluded)" + shapeHint(given, outputShape));
    }

    private String shapeHint(int[] given, int[] outputShape) {
        int[] rows = Arrays.copyOf(outputShape, outputShape.length - 1);
        if (sparse == null && outputShape[outputShape.length - 1] > 1
                && (Arrays.equals(given, rows) || Arrays.equals(given, append(rows, 1)))) {
            return ". Possible cause: the targets are class indices; compile with SparseCategoricalCrossEntropy";
        }
        if (sparse != null && Arrays.equals(given, outputShape)) {
            return ". Possible cause: the targets are one-hot rows; compile with CategoricalCrossEntropy or pass class indices";
        }
        if (sparse == null && Arrays.equals(append(given, 1), outputShape)) {
            return ". Possible cause: a missing trailing dimension of 1; reshape y to " + Shapes.str(withFirst(outputShape, -1))
                    + " (y.reshape(-1, " + join(outputShape) + "))";
        }
        return ". Possible cause: the model's last layer has the wrong number of units, or x and y were swapped";
    }

    /**
     * Checks every target against the loss before training: whole class indices, then the loss's own
     * validation on zero predictions (ranges, one-hot rows), chunk by chunk.
     *
     * @param y normalized targets // [N] + targetShape
     */
    void checkValues(Tensor y, int[] outputShape, DType dtype, String what) {
        if (sparse != null) {
            checkWholeNumbers(y, what);
        }
        int n = y.dim(0);
        int perSample = Math.max(1, Shapes.size(outputShape));
        int chunk = Math.max(1, CHECK_CHUNK_VALUES / perSample);
        try (var noGrad = GradMode.noGrad()) {
            for (int start = 0; start < n; start += chunk) {
                int end = Math.min(n, start + chunk);
                try {
                    applyToZeros(y, start, end, outputShape, dtype);
                } catch (IllegalArgumentException e) {
                    throw locate(y, start, end, outputShape, dtype, what, e);
                }
            }
        }
    }

    private void applyToZeros(Tensor y, int start, int end, int[] outputShape, DType dtype) {
        Tensor zeros = Tensor.zeros(dtype, withFirst(outputShape, end - start));
        apply(Variable.constant(zeros), y.slice(0, start, end), Weighting.NONE);
    }

    /** Finds the first sample of the failing chunk that the loss rejects on its own. */
    private IllegalArgumentException locate(Tensor y, int start, int end, int[] outputShape, DType dtype, String what,
                                            IllegalArgumentException chunkError) {
        for (int i = start; i < end; i++) {
            try {
                applyToZeros(y, i, i + 1, outputShape, dtype);
            } catch (IllegalArgumentException e) {
                return new IllegalArgumentException(what + " sample " + i + " does not fit the loss (positions below count"
                        + " within the sample): " + e.getMessage(), e);
            }
        }
        return new IllegalArgumentException(what + " samples " + start + ".." + (end - 1) + " do not fit the loss: "
                + chunkError.getMessage(), chunkError);
    }

    private void checkWholeNumbers(Tensor y, String what) {
        Tensor c = y.contiguous();
        int perSample = Math.max(1, c.size() / Math.max(1, c.dim(0)));
        for (int i = 0, size = c.size(); i < size; i++) {
            double v = c.getFlat(i);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(what + " must hold whole class indices for " + name() + ", but sample "
                        + i / perSample + " holds " + v + ". Possible cause: the targets are probabilities or scaled values;"
                        + " pass class numbers 0..C-1, or compile with another loss");
            }
        }
    }

    /** The loss of one batch. @param targets normalized targets of the batch // [batch] + targetShape */
    Variable apply(Variable predictions, Tensor targets, Weighting weighting) {
        if (sparse == null) {
            return dense.apply(predictions, targets, weighting);
        }
        Tensor c = targets.contiguous();
        int[] indices = new int[c.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (int) c.getFlat(i);
        }
        return sparse.apply(predictions, indices, c.shape(), weighting);
    }

    private static int[] append(int[] shape, int d) {
        int[] s = Arrays.copyOf(shape, shape.length + 1);
        s[shape.length] = d;
        return s;
    }

    private static int[] withFirst(int[] shape, int first) {
        int[] s = new int[shape.length + 1];
        s[0] = first;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private static String join(int[] shape) {
        return String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList());
    }
}
