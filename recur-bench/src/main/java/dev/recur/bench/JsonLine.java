package dev.recur.bench;

/**
 * One flat JSON object on one line, for benchmark output ({@code {"bench":"gemm","m":32,...}}).
 * Keys and string values are restricted to letters, digits and {@code _ - . : /} so that nothing
 * ever needs escaping; numbers must be finite. Anything else is rejected rather than mangled.
 */
final class JsonLine {

    private final StringBuilder sb = new StringBuilder("{");

    JsonLine put(String key, String value) {
        key(key).append('"').append(plain("value of " + key, value)).append('"');
        return this;
    }

    JsonLine put(String key, long value) {
        key(key).append(value);
        return this;
    }

    JsonLine put(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON number for '" + key + "' must be finite, got " + value);
        }
        key(key).append(value);
        return this;
    }

    JsonLine put(String key, boolean value) {
        key(key).append(value);
        return this;
    }

    /** {@code "key":null}, for a figure that does not exist (a published value the source does not give). */
    JsonLine putNull(String key) {
        key(key).append("null");
        return this;
    }

    private StringBuilder key(String key) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        return sb.append('"').append(plain("key", key)).append("\":");
    }

    private static String plain(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch == '/';
            if (!ok) {
                throw new IllegalArgumentException("JSON " + what + " may hold only letters, digits and _-.:/ but got '"
                        + s + "'");
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
