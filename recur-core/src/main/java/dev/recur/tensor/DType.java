package dev.recur.tensor;

/** Element types of {@link Tensor}: float32 is the default and the fast path, float64 serves gradient checks. */
public enum DType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return label;
    }
}
