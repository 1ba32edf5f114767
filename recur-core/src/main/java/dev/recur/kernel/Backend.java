package dev.recur.kernel;

/**
 * Which {@link Kernels} implementation tensor operations use. The default is the Vector API
 * backend (see DESIGN.md, "Backend"); tests switch to {@link #reference()} to compare.
 */
public final class Backend {

    private static final Kernels REFERENCE = new ReferenceKernels();
    private static volatile Kernels current = new VectorKernels();

    private Backend() {
    }

    /** The kernels in use. */
    public static Kernels kernels() {
        return current;
    }

    /** The plain-Java reference kernels. */
    public static Kernels reference() {
        return REFERENCE;
    }

    /** Replaces the kernels in use (for tests and benchmarks); returns the previous ones. */
    public static Kernels use(Kernels kernels) {
        Kernels previous = current;
        current = java.util.Objects.requireNonNull(kernels, "kernels");
        return previous;
    }
}
