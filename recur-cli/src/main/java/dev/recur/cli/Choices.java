package dev.recur.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Named choices on the command line ({@code --optimizer adam}, {@code --loss mse}): an enum whose
 * constants carry the lower-case names users type. An unknown name is a usage error listing the
 * valid ones.
 */
final class Choices {

    private Choices() {
    }

    /** A constant with its command-line name. */
    interface Named {
        String cliName();
    }

    /** The constant of {@code type} named {@code name} (case-insensitive), or an error naming {@code option}. */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String option, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.cliName().equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("unknown " + option + " '" + name + "'; choose one of "
                + String.join(", ", names(type)));
    }

    /** The command-line names of {@code type}'s constants, in declaration order. */
    static <E extends Enum<E> & Named> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::cliName).toList();
    }

    /** The lower-case name of a constant: {@code BINARY_CROSSENTROPY} to {@code binary_crossentropy}. */
    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
