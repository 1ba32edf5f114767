package dev.recur.kernel;

/** Elementwise functions of two arguments that kernels provide: {@code y[i] = f(a[i], b[i])}. */
public enum Binary {
    ADD, SUB, MUL, DIV, MAX, MIN;

    /** The scalar definition, in double precision. */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }

    /** The scalar definition in single precision (rounded once, like the float kernels). */
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }
}
