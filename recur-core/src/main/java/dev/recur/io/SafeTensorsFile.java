package dev.recur.io;

import dev.recur.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A {@code .safetensors} file read into memory. Reading treats the file as untrusted: the header
 * length, JSON, dtypes, shapes and offsets are all checked before any tensor is allocated, and a
 * file that fails a check is rejected with an {@link InvalidSafeTensorsException} naming the file
 * and the problem. Tensors are copied out of a memory mapping that is released before
 * {@link #read} returns, so the file is not held open.
 */
public final class SafeTensorsFile {

    private static final Pattern POSITIVE_INT = Pattern.compile("[1-9][0-9]{0,8}");
    /** Largest element count of a Java array on common JVMs. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** One tensor: its values are a float[], double[], int[] or long[] according to dtype. */
    private record Stored(SafeTensorsDType dtype, int[] shape, Object values) {
    }

    private final Path path;
    private final Map<String, String> metadata;
    private final Map<String, Stored> tensors; // in file order

    private SafeTensorsFile(Path path, Map<String, String> metadata, Map<String, Stored> tensors) {
        this.path = path;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = tensors;
    }

    /**
     * Reads and validates a file.
     *
     * @throws InvalidSafeTensorsException if the file is not a valid safetensors file Recur can read
     * @throws IllegalArgumentException    if the file does not exist
     * @throws UncheckedIOException        if reading fails
     */
    public static SafeTensorsFile read(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            Header header = Header.read(path, channel);
            checkFormatVersion(path, header.metadata());
            int[][] shapes = new int[header.entries().size()][];
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = javaShape(path, header.entries().get(i));
            }
            Map<String, Stored> tensors = new LinkedHashMap<>();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment data = header.bufferLength() == 0 ? MemorySegment.NULL
                        : channel.map(FileChannel.MapMode.READ_ONLY, header.dataStart(), header.bufferLength(), arena);
                for (int i = 0; i < shapes.length; i++) {
                    TensorEntry e = header.entries().get(i);
                    tensors.put(e.name(), new Stored(e.dtype(), shapes[i], load(data, e)));
                }
            }
            return new SafeTensorsFile(path, new LinkedHashMap<>(header.metadata()), tensors);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Cannot load " + path + ": no such file. Check the path.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + path + " (" + e + ")", e);
        }
    }

    private static void checkFormatVersion(Path path, Map<String, String> metadata) {
        String version = metadata.get(SafeTensors.FORMAT_VERSION_KEY);
        if (version == null) {
            return; // written by another safetensors writer: plain tensors, no Recur format
        }
        if (!POSITIVE_INT.matcher(version).matches()) {
            throw new InvalidSafeTensorsException(path, "the metadata " + SafeTensors.FORMAT_VERSION_KEY + " is \""
                    + version + "\", not a positive integer", InvalidSafeTensorsException.DAMAGED);
        }
        if (Integer.parseInt(version) > SafeTensors.FORMAT_VERSION) {
            throw new InvalidSafeTensorsException(path, "it was written in Recur file format version " + version
                    + ", and this release reads format versions up to " + SafeTensors.FORMAT_VERSION,
                    "Upgrade Recur to load it.");
        }
    }

    private static int[] javaShape(Path path, TensorEntry e) {
        boolean fits = e.elementCountOrOverflow() <= MAX_ELEMENTS; // validated: does not overflow
        int[] shape = new int[e.shape().length];
        for (int i = 0; i < shape.length; i++) {
            fits &= e.shape()[i] <= MAX_ELEMENTS; // a dimension can be huge when another one is 0
            shape[i] = (int) e.shape()[i];
        }
        if (!fits) {
            throw new InvalidSafeTensorsException(path, "tensor '" + e.name() + "' has shape " + e.shapeString()
                    + ", larger than a Java array holds (" + MAX_ELEMENTS + " elements in all, and per dimension)",
                    "Split the tensor into smaller ones before saving the file.");
        }
        return shape;
    }

    private static Object load(MemorySegment data, TensorEntry e) {
        int n = (int) e.elementCountOrOverflow();
        Object values = switch (e.dtype()) {
            case F32 -> new float[n];
            case F64 -> new double[n];
            case I32 -> new int[n];
            case I64 -> new long[n];
        };
        MemorySegment.copy(data, e.dtype().layout(), e.begin(), values, 0, n);
        return values;
    }

    // ---- contents ------------------------------------------------------------------------------

    /** The file this was read from. */
    public Path path() {
        return path;
    }

    /** The header's {@code __metadata__} (empty if it has none), unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The Recur file format version, or empty for a file written by another safetensors writer. */
    public OptionalInt formatVersion() {
        String version = metadata.get(SafeTensors.FORMAT_VERSION_KEY);
        return version == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(version));
    }

    /** Tensor names in the order their bytes appear in the file. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public SafeTensorsDType dtype(String name) {
        return stored(name).dtype();
    }

    /** A copy of the tensor's shape. */
    public int[] shape(String name) {
        return stored(name).shape().clone();
    }

    /**
     * An F32 or F64 tensor as a float32 or float64 {@link Tensor}. The tensor shares its storage
     * with this object: two calls return views of the same values.
     */
    public Tensor tensor(String name) {
        Stored s = stored(name);
        return switch (s.values()) {
            case float[] f -> Tensor.of(f, s.shape());
            case double[] d -> Tensor.of(d, s.shape());
            default -> throw wrongType(name, s);
        };
    }

    /** Every F32 and F64 tensor, by name, in file order (see {@link #tensor}). */
    public Map<String, Tensor> tensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, s) -> {
            if (s.dtype() == SafeTensorsDType.F32 || s.dtype() == SafeTensorsDType.F64) {
                out.put(name, tensor(name));
            }
        });
        return out;
    }

    /** A copy of an I32 array's values, row-major. */
    public int[] ints(String name) {
        Stored s = stored(name);
        if (!(s.values() instanceof int[] values)) {
            throw wrongType(name, s);
        }
        return values.clone();
    }

    /** A copy of an I64 array's values, row-major. */
    public long[] longs(String name) {
        Stored s = stored(name);
        if (!(s.values() instanceof long[] values)) {
            throw wrongType(name, s);
        }
        return values.clone();
    }

    private Stored stored(String name) {
        Stored s = tensors.get(name);
        if (s == null) {
            List<String> names = names();
            String listed = names.size() <= 10 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 10)) + ", ... (" + names.size() + " in all)";
            throw new IllegalArgumentException(path + " has no tensor '" + name + "' (it has: " + listed + ")");
        }
        return s;
    }

    private IllegalArgumentException wrongType(String name, Stored s) {
        String accessor = switch (s.dtype()) {
            case F32, F64 -> "tensor";
            case I32 -> "ints";
            case I64 -> "longs";
        };
        return new IllegalArgumentException("tensor '" + name + "' in " + path + " holds " + s.dtype().code()
                + " values; read it with " + accessor + "(\"" + name + "\") instead");
    }
}
