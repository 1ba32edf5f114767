package dev.recur.nn;

import dev.recur.autodiff.Variable;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Activation functions by their Keras names. */
public enum Activation {
    LINEAR("linear"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    RELU("relu"),
    SOFTMAX("softmax");

    private final String keras;

    Activation(String keras) {
        this.keras = keras;
    }

    /** Applies the activation ({@code softmax} over the last dimension). */
    public Variable apply(Variable x) {
        return switch (this) {
            case LINEAR -> x;
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case RELU -> x.relu();
            case SOFTMAX -> x.softmax();
        };
    }

    /** The Keras name, e.g. {@code "tanh"}. */
    public String kerasName() {
        return keras;
    }

    /** The activation with this Keras name ({@code None} means linear). */
    public static Activation fromKeras(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("none")) {
            return LINEAR;
        }
        for (Activation a : values()) {
            if (a.keras.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; valid: "
                + Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", ")));
    }
}
