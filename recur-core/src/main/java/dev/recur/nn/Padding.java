package dev.recur.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a convolution or pooling window meets the ends of a sequence, by Keras's names and
 * TensorFlow's arithmetic, for a window of {@code w} steps (the dilated kernel) moving {@code s}
 * steps at a time over {@code T} steps.
 */
public enum Padding {
    /** No padding: {@code floor((T - w) / s) + 1} outputs, each window inside the sequence. */
    VALID("valid"),
    /** Zeros on both ends (the extra one on the right): {@code ceil(T / s)} outputs. */
    SAME("same"),
    /** Zeros on the left only, {@code w - 1} of them, so output t sees no input after t: {@code ceil(T / s)} outputs. */
    CAUSAL("causal");

    private final String keras;

    Padding(String keras) {
        this.keras = keras;
    }

    public String kerasName() {
        return keras;
    }

    /** The padding with this Keras name. */
    public static Padding fromKeras(String name) {
        for (Padding p : values()) {
            if (p.keras.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown padding '" + name + "'; valid: "
                + Arrays.stream(values()).map(Padding::kerasName).collect(Collectors.joining(", ")));
    }

    /** Number of outputs over {@code length} steps; 0 or less when a valid window does not fit. */
    int outputLength(int length, int window, int stride) {
        return this == VALID ? Math.floorDiv(length - window, stride) + 1 : (length + stride - 1) / stride;
    }

    /** Zeros before the first step. */
    int padLeft(int length, int window, int stride) {
        return switch (this) {
            case VALID -> 0;
            case CAUSAL -> window - 1;
            case SAME -> Math.max((outputLength(length, window, stride) - 1) * stride + window - length, 0) / 2;
        };
    }
}
