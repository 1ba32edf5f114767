package dev.recur.nn.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one layer's specification arguments, Keras style: each argument may be given
 * by position or by keyword. {@link #done()} rejects arguments the layer does not know, naming them
 * and listing the valid ones.
 */
public final class Args {

    private final SpecNode node;
    private final List<String> known = new ArrayList<>();
    private final Set<String> usedKeywords = new HashSet<>();
    private int usedPositional;

    public Args(SpecNode node) {
        this.node = node;
    }

    public String layer() {
        return node.name();
    }

    /** The raw value of argument {@code name} at position {@code index} (or by keyword), or null if absent. */
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

    /** A required integer argument. */
    public int requiredInt(int index, String name) {
        Object v = raw(index, name);
        if (v == null) {
            throw new IllegalArgumentException(layer() + ": missing required argument '" + name + "' (e.g. "
                    + layer() + "(" + (index == 0 ? "32" : "..., 32") + "))");
        }
        return toInt(name, v);
    }

    public int intArg(int index, String name, int defaultValue) {
        Object v = raw(index, name);
        return v == null ? defaultValue : toInt(name, v);
    }

    public double doubleArg(int index, String name, double defaultValue) {
        Object v = raw(index, name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw typeError(name, "a number", v);
    }

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

    /** A word argument such as {@code activation=sigmoid}. */
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

    /** A nested layer, as in {@code TimeDistributed(Dense(1))}. */
    public SpecNode layerArg(int index, String name) {
        Object v = raw(index, name);
        if (v instanceof SpecNode n) {
            return n;
        }
        if (v == null) {
            throw new IllegalArgumentException(layer() + ": missing the wrapped layer (e.g. " + layer() + "(LSTM(32)))");
        }
        throw typeError(name, "a layer such as LSTM(32)", v);
    }

    /** All remaining positional arguments as integers (the dimensions of {@code Input(5, 1)}). */
    public int[] positionalInts(String name) {
        known.add(name);
        int[] out = new int[node.positional().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(name, node.positional().get(i));
        }
        usedPositional = out.length;
        return out;
    }

    /** Fails on arguments the layer did not ask for. */
    public void done() {
        if (node.positional().size() > usedPositional) {
            throw new IllegalArgumentException(layer() + " takes at most " + usedPositional + " positional argument"
                    + (usedPositional == 1 ? "" : "s") + " but " + node.positional().size() + " were given; valid arguments: "
                    + String.join(", ", known));
        }
        Set<String> unknown = new TreeSet<>(node.keywords().keySet());
        unknown.removeAll(usedKeywords);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(layer() + ": unknown argument" + (unknown.size() == 1 ? " '" : "s '")
                    + String.join("', '", unknown) + "'; valid arguments: " + String.join(", ", known));
        }
    }

    private int toInt(String name, Object v) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw typeError(name, "a whole number", v);
    }

    private IllegalArgumentException typeError(String name, String expected, Object v) {
        return new IllegalArgumentException(layer() + ": argument '" + name + "' must be " + expected + ", got "
                + (v instanceof SpecNode n ? n.name() + "(...)" : String.valueOf(v)));
    }
}
