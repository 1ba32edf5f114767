package dev.recur.kernel;

/** Elementwise functions of one argument that kernels provide: {@code y[i] = f(x[i])}. */
public enum Unary {
    NEG, EXP, LOG, TANH, SIGMOID, RELU, SQRT, ABS, SQUARE, RECIPROCAL;

    /** The scalar definition, in double precision: the reference every kernel is tested against. */
    public double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
            case RELU -> x > 0 ? x : 0.0;
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case RECIPROCAL -> 1.0 / x;
        };
    }
}
