package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;

/** Checks a cell's weights against its configuration, with messages that name the weight. */
final class WeightChecks {

    private WeightChecks() {
    }

    /** Checks that {@code w} is present and has shape {@code expected}. */
    static void shape(CellConfig config, String name, Variable w, int... expected) {
        if (w == null) {
            throw new IllegalArgumentException(config.kind() + " weight " + name + " is missing; a cell with "
                    + describe(config) + " needs one of shape " + Shapes.str(expected));
        }
        if (!w.value().hasShape(expected)) {
            throw new IllegalArgumentException(config.kind() + " weight " + name + " has shape "
                    + w.value().shapeString() + " but a cell with " + describe(config) + " needs "
                    + Shapes.str(expected));
        }
    }

    /** Checks that {@code w}, if present, has shape {@code expected} (a bias is optional: Keras's {@code use_bias=False}). */
    static void optionalShape(CellConfig config, String name, Variable w, int... expected) {
        if (w != null) {
            shape(config, name, w, expected);
        }
    }

    /** Checks that {@code w} is absent (the configuration has no use for it). */
    static void absent(CellConfig config, String name, Variable w, String reason) {
        if (w != null) {
            throw new IllegalArgumentException(config.kind() + " weight " + name + " is given but " + reason);
        }
    }

    /** Checks that every present weight has the element type of the first. */
    static void sameType(CellConfig config, Variable... weights) {
        DType first = weights[0].value().dtype();
        for (Variable w : weights) {
            if (w != null && w.value().dtype() != first) {
                throw new IllegalArgumentException(config.kind() + " weights mix " + first + " and "
                        + w.value().dtype() + "; convert them to one type with Tensor.to(DType)");
            }
        }
    }

    private static String describe(CellConfig config) {
        return config.inputSize() + " input features and " + config.units() + " units";
    }
}
