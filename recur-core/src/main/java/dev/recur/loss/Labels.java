package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * Validation of the targets at the loss boundary. Every message names the loss, what was
 * expected and what was received, with a hint where the usual cause is known. Only the targets
 * of elements that take part in the loss are checked: padding under a mask may hold anything.
 */
final class Labels {

    private Labels() {
    }

    static void notNull(String loss, String what, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(loss + ": " + what + " must not be null");
        }
    }

    /** Rejects a null setting of a loss's configuration, naming the choices. */
    static void setting(String loss, String what, Object value, String choices) {
        if (value == null) {
            throw new IllegalArgumentException(loss + ": " + what + " must not be null; use " + choices);
        }
    }

    /** Regression targets: finite, of the predictions' shape, converted to their element type. */
    static Tensor finite(String loss, Variable predictions, Tensor targets, Elements e) {
        return dense(loss, predictions, targets, e, Double::isFinite, "is not finite",
                "missing values in the data; drop or fill them, or mask those steps");
    }

    /** Binary targets or probabilities: in [0, 1], of the predictions' shape, converted to their element type. */
    static Tensor unitInterval(String loss, Variable predictions, Tensor targets, Elements e, String hint) {
        return dense(loss, predictions, targets, e, v -> v >= 0 && v <= 1, "is outside [0, 1]", hint);
    }

    /**
     * Targets shaped like the predictions, as a dense tensor of their element type, every entry
     * of a counted element satisfying {@code ok} or else rejected as "{@code problem}".
     */
    private static Tensor dense(String loss, Variable predictions, Tensor targets, Elements e, DoublePredicate ok,
                                String problem, String hint) {
        notNull(loss, "targets", targets);
        Tensor p = predictions.value();
        if (!targets.hasShape(p.shape())) {
            throw new IllegalArgumentException(loss + ": targets have shape " + targets.shapeString() + " but the"
                    + " predictions have shape " + p.shapeString() + "; they must be equal" + shapeHint(loss, targets.shape(), p.shape()));
        }
        Tensor t = (targets.dtype() == p.dtype() ? targets : targets.to(p.dtype())).contiguous();
        int features = p.dim(-1);
        for (int i = 0; i < e.size(); i++) {
            if (!e.counted(i)) {
                continue;
            }
            for (int j = i * features; j < (i + 1) * features; j++) {
                double v = at(t, j);
                if (!ok.test(v)) {
                    throw new IllegalArgumentException(loss + ": target " + v + " at " + position(j, p.shape()) + " "
                            + problem + " (targets of shape " + p.shapeString() + "). Possible cause: " + hint);
                }
            }
        }
        return t;
    }

    /** Element {@code j} (row-major) of a dense tensor, read from its backing array. */
    static double at(Tensor dense, int j) {
        return dense.dtype() == DType.FLOAT32 ? dense.floats()[dense.offset() + j] : dense.doubles()[dense.offset() + j];
    }

    private static String shapeHint(String loss, int[] t, int[] p) {
        int[] elements = Arrays.copyOf(p, p.length - 1);
        if (loss.equals(CategoricalCrossEntropy.NAME) && (Arrays.equals(t, elements) || Arrays.equals(t, append(elements, 1)))) {
            return ". Possible cause: the targets hold class indices; use SparseCategoricalCrossEntropy for integer labels";
        }
        if (Arrays.equals(t, append(p, 1)) || Arrays.equals(append(t, 1), p)) {
            return ". Possible cause: a trailing dimension of size 1 on one side only; reshape the targets to " + Shapes.str(p);
        }
        return "";
    }

    /**
     * Checks integer targets, one per row of the logits ({@code [batch]} or {@code [batch, time]}),
     * for their shape; the class indices themselves are checked by the loss (it knows the ignore index).
     */
    static void classIndexShape(String loss, Tensor logits, int[] targets, int[] targetShape) {
        notNull(loss, "targets", targets);
        notNull(loss, "targetShape", targetShape);
        int n = Shapes.size(targetShape);
        if (targets.length != n) {
            throw new IllegalArgumentException(loss + ": " + targets.length + " targets do not fill their shape "
                    + Shapes.str(targetShape) + " (" + n + " elements)");
        }
        int[] rows = Arrays.copyOf(logits.shape(), logits.rank() - 1);
        if (!Arrays.equals(targetShape, rows)) {
            String hint = Arrays.equals(targetShape, append(rows, 1))
                    ? ". Possible cause: a trailing dimension of size 1; drop it"
                    : Arrays.equals(targetShape, logits.shape())
                    ? ". Possible cause: one-hot targets; pass class indices, or use CategoricalCrossEntropy" : "";
            throw new IllegalArgumentException(loss + ": targets have shape " + Shapes.str(targetShape) + " but the logits"
                    + " have shape " + logits.shapeString() + "; expected one class index per row of logits, shape "
                    + Shapes.str(rows) + hint);
        }
    }

    /** The row-major flat index {@code flat} as coordinates of {@code shape}: {@code [3, 17]}. */
    static String position(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return Arrays.toString(idx);
    }

    private static int[] append(int[] shape, int d) {
        int[] s = Arrays.copyOf(shape, shape.length + 1);
        s[shape.length] = d;
        return s;
    }
}
