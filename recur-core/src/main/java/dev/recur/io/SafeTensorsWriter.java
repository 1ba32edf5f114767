package dev.recur.io;

import dev.recur.tensor.DType;
import dev.recur.tensor.Shapes;
import dev.recur.tensor.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects named tensors, integer arrays and metadata, then writes one {@code .safetensors} file.
 * The layout is the Python writer's (tensors ordered by dtype, widest first, then by name), so the
 * bytes are Python's for the same content; metadata is written sorted by key (Python's order is a
 * hash map's), and
 * {@value SafeTensors#FORMAT_VERSION_KEY} is always added. Values are read when the file is written.
 *
 * <pre>{@code
 * SafeTensors.writer()
 *     .put("lstm.kernel", kernel)                 // [in, 4*hidden]
 *     .putMetadata(SafeTensors.SEED_KEY, "42")
 *     .write(Path.of("model.safetensors"));
 * }</pre>
 */
public final class SafeTensorsWriter {

    private static final int CHUNK_BYTES = 1 << 16;

    /** A value to write: a dense float32/float64 tensor, or an int[] / long[]. */
    private record Item(SafeTensorsDType dtype, int[] shape, Object values) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, String> metadata = new TreeMap<>();

    SafeTensorsWriter() {
        metadata.put(SafeTensors.FORMAT_VERSION_KEY, Integer.toString(SafeTensors.FORMAT_VERSION));
    }

    /** Adds a float32 (F32) or float64 (F64) tensor; views are written in row-major order. */
    public SafeTensorsWriter put(String name, Tensor tensor) {
        Objects.requireNonNull(tensor, "tensor");
        SafeTensorsDType dtype = tensor.dtype() == DType.FLOAT32 ? SafeTensorsDType.F32 : SafeTensorsDType.F64;
        return add(name, new Item(dtype, tensor.shape(), tensor));
    }

    /** Adds an I32 array of this shape (row-major values). */
    public SafeTensorsWriter putInts(String name, int[] values, int... shape) {
        checkLength(name, values.length, shape);
        return add(name, new Item(SafeTensorsDType.I32, shape.clone(), values));
    }

    /** Adds an I64 array of this shape (row-major values). */
    public SafeTensorsWriter putLongs(String name, long[] values, int... shape) {
        checkLength(name, values.length, shape);
        return add(name, new Item(SafeTensorsDType.I64, shape.clone(), values));
    }

    /** Adds one metadata entry, such as {@link SafeTensors#CONFIG_KEY} with the model's configuration JSON. */
    public SafeTensorsWriter putMetadata(String key, String value) {
        Objects.requireNonNull(key, "metadata key");
        Objects.requireNonNull(value, () -> "value of metadata '" + key + "'");
        if (key.equals(SafeTensors.FORMAT_VERSION_KEY)) {
            throw new IllegalArgumentException("putMetadata: " + key + " is written by the writer itself (it is "
                    + SafeTensors.FORMAT_VERSION + "); choose another key");
        }
        if (metadata.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("putMetadata: the key '" + key + "' was already given");
        }
        return this;
    }

    /** Adds every entry of {@code entries} (see {@link #putMetadata(String, String)}). */
    public SafeTensorsWriter putMetadata(Map<String, String> entries) {
        entries.forEach(this::putMetadata);
        return this;
    }

    /**
     * Writes the file atomically (see {@link AtomicFile}). An unwritable path fails before any
     * encoding is done.
     *
     * @throws IllegalArgumentException if the path cannot be written or the header is too large
     * @throws UncheckedIOException     if writing fails; a previous file at {@code path} is then unchanged
     */
    public void write(Path path) {
        AtomicFile.checkWritable(path);
        List<TensorEntry> layout = layout();
        byte[] header = header(layout);
        AtomicFile.write(path, channel -> writeTo(channel, layout, header));
    }

    /** The file's bytes in memory, exactly as {@link #write} puts them on disk. */
    public byte[] toBytes() {
        List<TensorEntry> layout = layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(Channels.newChannel(out), layout, header(layout));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    // ---- layout and encoding ------------------------------------------------------------------

    private SafeTensorsWriter add(String name, Item item) {
        Objects.requireNonNull(name, "tensor name");
        if (name.equals(HeaderParser.METADATA_KEY)) {
            throw new IllegalArgumentException("put: the name " + name
                    + " is reserved for the header's metadata; choose another tensor name");
        }
        if (items.putIfAbsent(name, item) != null) {
            throw new IllegalArgumentException("put: the name '" + name + "' was already given to another tensor");
        }
        return this;
    }

    private static void checkLength(String name, int length, int[] shape) {
        if (Shapes.size(shape) != length) {
            throw new IllegalArgumentException("put '" + name + "': " + length + " values do not fill shape "
                    + Arrays.toString(shape) + " (" + Shapes.size(shape) + " elements)");
        }
    }

    /** Entries in the Python writer's order (dtype order descending, then name bytes), packed from 0. */
    private List<TensorEntry> layout() {
        List<String> names = new ArrayList<>(items.keySet());
        names.sort(Comparator.comparingInt((String n) -> -items.get(n).dtype().order())
                .thenComparing((a, b) -> Arrays.compareUnsigned(
                        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))));
        List<TensorEntry> layout = new ArrayList<>();
        long at = 0;
        for (String name : names) {
            Item item = items.get(name);
            long bytes = (long) Shapes.size(item.shape()) * item.dtype().bytes();
            long[] shape = Arrays.stream(item.shape()).asLongStream().toArray();
            layout.add(new TensorEntry(name, item.dtype(), shape, at, at + bytes));
            at += bytes;
        }
        return layout;
    }

    private byte[] header(List<TensorEntry> layout) {
        byte[] header = HeaderWriter.encode(metadata, layout);
        if (header.length > SafeTensors.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("safetensors header would be " + header.length
                    + " bytes, more than readers accept (" + SafeTensors.MAX_HEADER_BYTES
                    + "); store large metadata in a separate file");
        }
        return header;
    }

    private void writeTo(WritableByteChannel channel, List<TensorEntry> layout, byte[] header) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        start.putLong(header.length).put(header).flip();
        writeFully(channel, start);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        for (TensorEntry e : layout) {
            Object values = items.get(e.name()).values();
            int offset = 0;
            if (values instanceof Tensor t) {
                Tensor dense = t.contiguous();
                values = dense.dtype() == DType.FLOAT32 ? dense.floats() : dense.doubles();
                offset = dense.offset();
            }
            int count = (int) ((e.end() - e.begin()) / e.dtype().bytes());
            int perChunk = CHUNK_BYTES / e.dtype().bytes();
            for (int done = 0; done < count; done += perChunk) {
                int n = Math.min(perChunk, count - done);
                chunk.clear().limit(n * e.dtype().bytes());
                MemorySegment.copy(values, offset + done, MemorySegment.ofBuffer(chunk), e.dtype().layout(), 0, n);
                writeFully(channel, chunk);
            }
        }
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
