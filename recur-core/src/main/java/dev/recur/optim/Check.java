package dev.recur.optim;

/**
 * Argument checks for the optimizer and schedule records, so that every message has one form:
 * {@code "Adam: beta1 must be in [0, 1) but got 1.5"} (owner, argument, expected range, value).
 * NaN fails every check.
 */
final class Check {

    private Check() {
    }

    /** {@code 0 < value < infinity}. */
    static double positive(String owner, String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail(owner, name, "> 0 and finite", value);
        }
        return value;
    }

    /** {@code 0 <= value < infinity}. */
    static double nonNegative(String owner, String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail(owner, name, ">= 0 and finite", value);
        }
        return value;
    }

    /** {@code lo <= value < hi}: decay rates such as beta1, rho, momentum. */
    static double inRange(String owner, String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw fail(owner, name, "in [" + num(lo) + ", " + num(hi) + ")", value);
        }
        return value;
    }

    /** {@code lo < value <= hi}: multiplicative decay factors. */
    static double inLeftOpenRange(String owner, String name, double value, double lo, double hi) {
        if (!(value > lo && value <= hi)) {
            throw fail(owner, name, "in (" + num(lo) + ", " + num(hi) + "]", value);
        }
        return value;
    }

    /** {@code lo < value < hi}. */
    static double inOpenRange(String owner, String name, double value, double lo, double hi) {
        if (!(value > lo && value < hi)) {
            throw fail(owner, name, "in (" + num(lo) + ", " + num(hi) + ")", value);
        }
        return value;
    }

    /** {@code lo <= value <= hi}. */
    static double inClosedRange(String owner, String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw fail(owner, name, "in [" + num(lo) + ", " + num(hi) + "]", value);
        }
        return value;
    }

    static int positive(String owner, String name, int value) {
        if (value <= 0) {
            throw fail(owner, name, "> 0", value);
        }
        return value;
    }

    static int nonNegative(String owner, String name, int value) {
        if (value < 0) {
            throw fail(owner, name, ">= 0", value);
        }
        return value;
    }

    private static IllegalArgumentException fail(String owner, String name, String expected, double value) {
        return new IllegalArgumentException(owner + ": " + name + " must be " + expected + " but got " + num(value));
    }

    /** 1.0 -> "1", 0.5 -> "0.5": ranges read as people write them. */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
