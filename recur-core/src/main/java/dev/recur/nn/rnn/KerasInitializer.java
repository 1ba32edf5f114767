package dev.recur.nn.rnn;

import dev.recur.nn.Initializer;
import dev.recur.nn.Initializers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The weight initializers a recurrent layer's specification may name, with Keras's names:
 * {@code kernel_initializer=glorot_uniform} (the kernel's default), {@code orthogonal} (the
 * recurrent kernel's), {@code zeros} (the bias's), {@code identity} (the IRNN recurrent kernel of
 * Le, Jaitly and Hinton 2015), {@code ones} and {@code he_uniform}.
 */
public enum KerasInitializer {
    GLOROT_UNIFORM("glorot_uniform", Initializers.glorotUniform()),
    ORTHOGONAL("orthogonal", Initializers.orthogonal(1.0)),
    IDENTITY("identity", Initializers.identity(1.0)),
    ZEROS("zeros", Initializers.zeros()),
    ONES("ones", Initializers.ones()),
    HE_UNIFORM("he_uniform", Initializers.heUniform());

    private final String keras;
    private final Initializer initializer;

    KerasInitializer(String keras, Initializer initializer) {
        this.keras = keras;
        this.initializer = initializer;
    }

    /** The Keras name, e.g. {@code "glorot_uniform"}. */
    public String kerasName() {
        return keras;
    }

    /** What makes the initial values. */
    public Initializer initializer() {
        return initializer;
    }

    /** The initializer with this Keras name. */
    public static KerasInitializer fromKeras(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (KerasInitializer i : values()) {
            if (i.keras.equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + name + "'; valid: "
                + Arrays.stream(values()).map(KerasInitializer::kerasName).collect(Collectors.joining(", ")));
    }
}
