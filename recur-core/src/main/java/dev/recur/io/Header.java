package dev.recur.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.recur.io.InvalidSafeTensorsException.DAMAGED;
import static dev.recur.io.InvalidSafeTensorsException.TRUNCATED;

/**
 * The validated header of a file: every entry's bytes lie inside the data buffer, match its
 * dtype and shape, and together the entries cover the buffer exactly, without overlap (as the
 * Python reader requires). Nothing larger than the header itself is allocated before this holds.
 *
 * @param entries      tensors ordered by position in the data buffer
 * @param dataStart    file position of the data buffer (8 + header length)
 * @param bufferLength bytes in the data buffer
 */
record Header(List<TensorEntry> entries, Map<String, String> metadata, long dataStart, long bufferLength) {

    /** Reads and validates the header of {@code file} through {@code channel}. */
    static Header read(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new InvalidSafeTensorsException(file, "the file has " + size
                    + " bytes, fewer than the 8-byte header length that starts every safetensors file", TRUNCATED);
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, prefix, 0);
        long n = prefix.getLong(0); // unsigned 64-bit in the file: negative here means >= 2^63
        if (n < 0 || n > SafeTensors.MAX_HEADER_BYTES) {
            throw new InvalidSafeTensorsException(file, "the header length field says " + Long.toUnsignedString(n)
                    + " bytes, more than the safetensors limit of " + SafeTensors.MAX_HEADER_BYTES, DAMAGED);
        }
        if (n > size - 8) {
            throw new InvalidSafeTensorsException(file, "the header length field says " + n
                    + " bytes but only " + (size - 8) + " bytes follow it", TRUNCATED);
        }
        byte[] json = new byte[(int) n];
        readFully(channel, ByteBuffer.wrap(json), 8);
        HeaderParser.Parsed parsed = HeaderParser.parse(file, json);
        long bufferLength = size - 8 - n;
        List<TensorEntry> sorted = validate(file, parsed.entries(), bufferLength);
        return new Header(sorted, parsed.metadata(), 8 + n, bufferLength);
    }

    private static List<TensorEntry> validate(Path file, List<TensorEntry> entries, long bufferLength) {
        for (TensorEntry e : entries) {
            String what = "tensor '" + e.name() + "'";
            if (e.end() < e.begin()) {
                throw new InvalidSafeTensorsException(file, what + " has data_offsets " + e.offsetsString()
                        + ", whose end comes before its begin", DAMAGED);
            }
            if (e.end() > bufferLength) {
                throw new InvalidSafeTensorsException(file, what + " has data_offsets " + e.offsetsString()
                        + " but the data after the header has only " + bufferLength + " bytes", TRUNCATED);
            }
            long count = e.elementCountOrOverflow();
            if (count < 0) {
                throw new InvalidSafeTensorsException(file, what + " has shape " + e.shapeString()
                        + ", whose size in bytes overflows a 64-bit integer", DAMAGED);
            }
            long bytes = count * e.dtype().bytes();
            if (bytes != e.end() - e.begin()) {
                throw new InvalidSafeTensorsException(file, what + " has dtype " + e.dtype().code() + " and shape "
                        + e.shapeString() + ", which take " + bytes + " bytes, but its data_offsets "
                        + e.offsetsString() + " span " + (e.end() - e.begin()), DAMAGED);
            }
        }
        List<TensorEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long at = 0;
        TensorEntry previous = null;
        for (TensorEntry e : sorted) {
            if (e.begin() < at) {
                throw new InvalidSafeTensorsException(file, "tensors '" + previous.name() + "' (data_offsets "
                        + previous.offsetsString() + ") and '" + e.name() + "' (data_offsets "
                        + e.offsetsString() + ") overlap", DAMAGED);
            }
            if (e.begin() > at) {
                throw new InvalidSafeTensorsException(file, "bytes " + at + " to " + e.begin()
                        + " of the data belong to no tensor (" + (previous == null ? "before '"
                        : "between '" + previous.name() + "' and '") + e.name() + "')", DAMAGED);
            }
            at = e.end();
            previous = e;
        }
        if (at != bufferLength) {
            throw new InvalidSafeTensorsException(file, "bytes " + at + " to " + bufferLength
                    + " of the data belong to no tensor (" + (previous == null ? "the header lists no tensors"
                    : "after '" + previous.name() + "'") + ")", DAMAGED);
        }
        return List.copyOf(sorted);
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        while (target.hasRemaining()) {
            int read = channel.read(target, position + target.position());
            if (read < 0) {
                throw new EOFException("file ended at byte " + (position + target.position()));
            }
        }
    }
}
