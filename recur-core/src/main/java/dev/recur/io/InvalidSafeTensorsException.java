package dev.recur.io;

import java.io.Serial;
import java.nio.file.Path;

/**
 * A {@code .safetensors} file that Recur refuses to load: truncated, damaged, hostile, or written
 * by a newer release. The message names the file, the problem and what to do about it.
 */
public final class InvalidSafeTensorsException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Hint for a file that ends too early. */
    static final String TRUNCATED = "The file may be truncated (an interrupted save, copy or download); "
            + "re-save the model or copy it again.";
    /** Hint for a header that no safetensors writer produces. */
    static final String DAMAGED = "The file is damaged or was not written by a safetensors writer; "
            + "re-save the model.";

    private final transient Path file;

    InvalidSafeTensorsException(Path file, String problem, String hint) {
        super("Cannot load " + file + ": " + problem + ". " + hint);
        this.file = file;
    }

    /** The file that was rejected. */
    public Path file() {
        return file;
    }
}
