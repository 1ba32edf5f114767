package dev.recur.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed, checked reading of a JSON-like configuration map (strings, numbers, booleans, nulls and
 * lists of them), as tokenizers and scalers write with {@code toConfig()} and a model file stores
 * in its metadata. A model file is untrusted input: every missing key and every value of the wrong
 * type is an {@link IllegalArgumentException} naming the configuration, the key, what was
 * expected and what was found.
 *
 * <p>Numbers are accepted in whatever class a JSON parser produced ({@code Integer}, {@code Long},
 * {@code Double}, {@code BigDecimal}, ...); an integer key accepts {@code 3.0} but not {@code 3.5}.
 */
public final class ConfigReader {

    private final String what;
    private final Map<String, ?> map;

    /**
     * @param what names the configuration in messages, e.g. {@code "Tokenizer config"}
     * @param map  the configuration as written by a {@code toConfig()} method
     */
    public ConfigReader(String what, Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException(what + ": the configuration map is null");
        }
        this.what = what;
        this.map = map;
    }

    /**
     * Checks that key {@code "format"} equals {@code format} and that {@code "version"} is between
     * 1 and {@code newestVersion}; returns the version.
     */
    public int requireFormat(String format, int newestVersion) {
        String found = string("format");
        if (!found.equals(format)) {
            throw new IllegalArgumentException(what + ": format is \"" + found + "\" but \"" + format
                    + "\" was expected; this map holds some other kind of configuration");
        }
        int version = integer("version");
        if (version < 1 || version > newestVersion) {
            throw new IllegalArgumentException(what + ": format version " + version + " is not supported (this"
                    + " library reads versions 1 to " + newestVersion + "). Possible cause: the model was saved by a"
                    + " newer Recur release");
        }
        return version;
    }

    /** A required, non-null string. */
    public String string(String key) {
        Object v = require(key);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string", v);
    }

    /** A string that may be null or absent (then null). */
    public String optionalString(String key) {
        return map.get(key) == null ? null : string(key);
    }

    /** A required boolean. */
    public boolean bool(String key) {
        Object v = require(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false", v);
    }

    /** A required integer in the int range. */
    public int integer(String key) {
        Object v = require(key);
        long n = toLong(key, v);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw wrongType(key, "an integer in the int range", v);
        }
        return (int) n;
    }

    /** An integer that may be null or absent (then null). */
    public Integer optionalInteger(String key) {
        return map.get(key) == null ? null : integer(key);
    }

    /** A required finite number. */
    public double number(String key) {
        return toDouble(key, require(key));
    }

    /** A required constant of {@code type}, written as its name. */
    public <E extends Enum<E>> E constant(String key, Class<E> type) {
        String name = string(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw wrongType(key, "one of " + Arrays.toString(type.getEnumConstants()), name);
    }

    /** A required list of non-null strings. */
    public List<String> strings(String key) {
        List<?> list = list(key);
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw wrongType(key + "[" + out.size() + "]", "a string", o);
            }
            out.add(s);
        }
        return out;
    }

    /** A required list of integers. */
    public long[] integers(String key) {
        List<?> list = list(key);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toLong(key + "[" + i + "]", list.get(i));
        }
        return out;
    }

    /** A required list of finite numbers. */
    public double[] numbers(String key) {
        List<?> list = list(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(key + "[" + i + "]", list.get(i));
        }
        return out;
    }

    /** An error about this configuration, for checks the caller makes itself. */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(what + ": " + message);
    }

    private List<?> list(String key) {
        Object v = require(key);
        if (v instanceof List<?> l) {
            return l;
        }
        throw wrongType(key, "a list", v);
    }

    private Object require(String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException(what + ": key \"" + key + "\" is " + (map.containsKey(key) ? "null" : "missing")
                    + "; keys present: " + map.keySet());
        }
        return v;
    }

    private long toLong(String key, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof Number n && !(v instanceof BigInteger)) {
            BigDecimal d = v instanceof BigDecimal bd ? bd : finiteDecimal(n);
            if (d != null) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException notIntegral) {
                    // falls through to the error below
                }
            }
        }
        throw wrongType(key, "an integer", v);
    }

    private static BigDecimal finiteDecimal(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    private double toDouble(String key, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw wrongType(key, "a finite number", v);
    }

    private IllegalArgumentException wrongType(String key, String expected, Object v) {
        String shown = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
        String type = v == null ? "null" : v.getClass().getSimpleName();
        return new IllegalArgumentException(what + ": key \"" + key + "\" should be " + expected + " but is " + shown
                + " (" + type + ")");
    }
}
