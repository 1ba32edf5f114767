/**
 * Model files: the {@code .safetensors} format, read and written without Java serialization.
 *
 * <p>A file is an 8-byte little-endian header length {@code N}, {@code N} bytes of UTF-8 JSON
 * ({@code {"name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}, ..., "__metadata__":{...}}},
 * padded with spaces to a multiple of 8), then the tensors' bytes, little-endian and row-major.
 * Files written here are byte-identical to those of the Python {@code safetensors} package (0.8)
 * for the same tensors and metadata, up to the order of metadata entries (sorted by key here,
 * hash order there), and Python reads them as they are.
 *
 * <ul>
 *   <li>{@link dev.recur.io.SafeTensors}: the entry point, metadata keys and format version.</li>
 *   <li>{@link dev.recur.io.SafeTensorsWriter}: collects tensors and metadata, writes atomically.</li>
 *   <li>{@link dev.recur.io.SafeTensorsFile}: a file read and validated as untrusted input.</li>
 *   <li>{@link dev.recur.io.AtomicFile}: temporary file, fsync, atomic rename; writability check.</li>
 * </ul>
 */
package dev.recur.io;
