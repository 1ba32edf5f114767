package dev.recur.autodiff;

/**
 * Whether operations record a graph for backpropagation, per thread. Inference runs inside
 * {@code try (var scope = GradMode.noGrad()) { ... }}, which records nothing.
 */
public final class GradMode {

    private static final ThreadLocal<Integer> DISABLED_DEPTH = ThreadLocal.withInitial(() -> 0);

    private GradMode() {
    }

    /** Whether operations on this thread record gradients now. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get() == 0;
    }

    /** A scope in which nothing is recorded; scopes nest. */
    public static Scope noGrad() {
        DISABLED_DEPTH.set(DISABLED_DEPTH.get() + 1);
        return new Scope();
    }

    /** Closing the scope turns recording back on (unless an outer scope is still open). */
    public static final class Scope implements AutoCloseable {
        private boolean closed;

        private Scope() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                DISABLED_DEPTH.set(DISABLED_DEPTH.get() - 1);
            }
        }
    }
}
