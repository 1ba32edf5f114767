package dev.recur.nn.spec;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to one layer's specification arguments, Keras style: each argument may be given
 * by position (when it has an index) or by keyword. {@link #done()} rejects arguments the layer
 * did not ask for, naming them and listing the valid ones. A factory reads every argument it
 * knows before {@code done()}, so that the list is complete.
 */
public final class Args {

    private final SpecNode node;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> usedKeywords = new HashSet<>();
    private int usedPositional;

    public Args(SpecNode node) {
        this.node = node;
    }

    /** The layer type as written. */
    public String layer() {
        return node.name();
    }

    /** The raw value of argument {@code name} at position {@code index} (-1: keyword only) or by keyword, or null if absent. */
    private Object raw(int index, String name) {
        known.add(name);
        Object byKeyword = node.keywords().get(name);
        boolean hasPositional = index >= 0 && index < node.positional().size();
        if (byKeyword != null && hasPositional) {
            throw new IllegalArgumentException(layer() + ": argument '" + name + "' is given both by position and by keyword");
        }
        if (byKeyword != null) {
            usedKeywords.add(name);
            return byKeyword;
        }
        if (hasPositional) {
            usedPositional = Math.max(usedPositional, index + 1);
            return node.positional().get(index);
        }
        return null;
    }

    /** A required whole-number argument. */
    public int requiredInt(int index, String name) {
        Object v = raw(index, name);
        if (v == null) {
            throw missing(index, name, "32");
        }
        return toInt(name, v);
    }

    /** A whole-number argument, or {@code defaultValue} when absent. */
    public int intArg(int index, String name, int defaultValue) {
        Object v = raw(index, name);
        return v == null ? defaultValue : toInt(name, v);
    }

    /** A whole-number argument that may be absent or {@code None} (null then), as Keras's {@code strides=None}. */
    public Integer optionalInt(int index, String name) {
        Object v = raw(index, name);
        return v == null || "None".equals(v) ? null : toInt(name, v);
    }

    /** A required number. */
    public double requiredDouble(int index, String name) {
        Object v = raw(index, name);
        if (v == null) {
            throw missing(index, name, "0.5");
        }
        return toDouble(name, v);
    }

    /** A number, or {@code defaultValue} when absent. */
    public double doubleArg(int index, String name, double defaultValue) {
        Object v = raw(index, name);
        return v == null ? defaultValue : toDouble(name, v);
    }

    /** A keyword-only {@code true}/{@code false} argument. */
    public boolean boolArg(String name, boolean defaultValue) {
        Object v = raw(-1, name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw typeError(name, "true or false", v);
    }

    /** A word argument such as {@code activation=sigmoid} (or quoted, {@code activation="sigmoid"}). */
    public String stringArg(int index, String name, String defaultValue) {
        Object v = raw(index, name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        throw typeError(name, "a word", v);
    }

    /**
     * A word argument turned into a value by {@code parse} (such as {@code Activation::fromKeras}),
     * whose error message is prefixed with the layer and the argument.
     */
    public <T> T parsed(int index, String name, T defaultValue, Function<String, T> parse) {
        String s = stringArg(index, name, null);
        if (s == null) {
            return defaultValue;
        }
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(layer() + ": argument '" + name + "': " + e.getMessage(), e);
        }
    }

    /** A required nested layer, as in {@code TimeDistributed(Dense(1))}. */
    public SpecNode layerArg(int index, String name) {
        Object v = raw(index, name);
        if (v instanceof SpecNode n) {
            return n;
        }
        if (v == null) {
            throw new IllegalArgumentException(layer() + ": missing the wrapped layer, argument '" + name + "' (e.g. "
                    + layer() + "(Dense(1)))");
        }
        throw typeError(name, "a layer such as Dense(1)", v);
    }

    /**
     * Dimensions given either as all the positional arguments ({@code Input(100, 5)}) or as a tuple
     * by keyword ({@code Input(shape=(100, 5))}); {@code None} is an unknown size, -1.
     */
    public int[] dims(String name) {
        known.add(name);
        Object byKeyword = node.keywords().get(name);
        List<?> values = node.positional();
        if (byKeyword != null) {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException(layer() + ": argument '" + name + "' is given both by position and by keyword");
            }
            if (!(byKeyword instanceof List<?> list)) {
                throw typeError(name, "a tuple such as (100, 5)", byKeyword);
            }
            usedKeywords.add(name);
            values = list;
        } else {
            usedPositional = values.size();
        }
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            out[i] = "None".equals(v) ? -1 : toInt(name, v);
        }
        return out;
    }

    /** Fails on arguments the layer did not ask for. */
    public void done() {
        if (node.positional().size() > usedPositional) {
            throw new IllegalArgumentException(layer() + " takes at most " + usedPositional + " positional argument"
                    + (usedPositional == 1 ? "" : "s") + " but " + node.positional().size()
                    + (node.positional().size() == 1 ? " was" : " were") + " given; valid arguments: "
                    + String.join(", ", known));
        }
        Set<String> unknown = new TreeSet<>(node.keywords().keySet());
        unknown.removeAll(usedKeywords);
        if (!unknown.isEmpty()) {
            String hint = unknown.size() == 1 ? Suggestions.hint(unknown.iterator().next(), known) : "";
            throw new IllegalArgumentException(layer() + ": unknown argument" + (unknown.size() == 1 ? " '" : "s '")
                    + String.join("', '", unknown) + "'" + hint + "; valid arguments: " + String.join(", ", known));
        }
    }

    private IllegalArgumentException missing(int index, String name, String example) {
        Set<String> strays = new TreeSet<>(node.keywords().keySet());
        strays.removeAll(known); // a misspelt keyword is the usual cause
        return new IllegalArgumentException(layer() + ": missing required argument '" + name + "' (e.g. "
                + layer() + "(" + (index == 0 ? example : name + "=" + example) + "))"
                + (strays.isEmpty() ? "" : "; given instead: '" + String.join("', '", strays) + "'"));
    }

    private int toInt(String name, Object v) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw typeError(name, "a whole number", v);
    }

    private double toDouble(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw typeError(name, "a number", v);
    }

    private IllegalArgumentException typeError(String name, String expected, Object v) {
        String got = v instanceof SpecNode n ? "the layer " + n.name() + "(...)"
                : v instanceof String s ? "'" + s + "'"
                : v instanceof List<?> l ? "the tuple " + l.toString().replace('[', '(').replace(']', ')')
                : String.valueOf(v);
        return new IllegalArgumentException(layer() + ": argument '" + name + "' must be " + expected + ", got " + got);
    }
}
