package dev.recur.io;

import dev.recur.tensor.Tensor;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reading and writing {@code .safetensors} files, the format of Recur's models and checkpoints.
 *
 * <pre>{@code
 * SafeTensors.write(path, Map.of("dense.kernel", kernel), Map.of(SafeTensors.SEED_KEY, "42"));
 * SafeTensorsFile file = SafeTensors.read(path);
 * Tensor kernel = file.tensor("dense.kernel");
 * }</pre>
 *
 * <p>Recur's metadata keys start with {@code recur.}; other tools' keys pass through untouched.
 */
public final class SafeTensors {

    /**
     * The file format version this release writes and the newest it reads. Raise it when the
     * meaning of a file changes; files of older versions must keep loading (fixture tests).
     */
    public static final int FORMAT_VERSION = 1;

    /** Metadata key of the Recur file format version, written on every file. */
    public static final String FORMAT_VERSION_KEY = "recur.format_version";
    /** Metadata key of the version of the Recur library that wrote the file. */
    public static final String LIBRARY_VERSION_KEY = "recur.library_version";
    /** Metadata key of the model's configuration, as JSON. */
    public static final String CONFIG_KEY = "recur.config";
    /** Metadata key of the random seed of the training run. */
    public static final String SEED_KEY = "recur.seed";
    /** Metadata key of a description of the training data (source, size, preprocessing). */
    public static final String DATA_KEY = "recur.data";

    /** The largest header readers accept, in bytes (the Python package's limit). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private SafeTensors() {
    }

    /** A writer to fill with tensors and metadata. */
    public static SafeTensorsWriter writer() {
        return new SafeTensorsWriter();
    }

    /** Writes float32/float64 tensors and metadata to {@code path}, atomically. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        SafeTensorsWriter writer = writer();
        tensors.forEach(writer::put);
        writer.putMetadata(metadata).write(path);
    }

    /** Reads and validates a file (see {@link SafeTensorsFile#read}). */
    public static SafeTensorsFile read(Path path) {
        return SafeTensorsFile.read(path);
    }
}
